import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

describe('toAppError', () => {
  const cases: { name: string; in: unknown; code: string; message: string }[] = [
    { name: 'HTTP error body', in: { error: { code: 'not_found', message: 'no article 9' } }, code: 'not_found', message: 'no article 9' },
    { name: 'Wails JSON string', in: '{"code":"invalid","message":"bad date"}', code: 'invalid', message: 'bad date' },
    { name: 'Wails Error with JSON message', in: new Error('{"code":"conflict","message":"busy"}'), code: 'conflict', message: 'busy' },
    { name: 'unknown code becomes internal', in: { code: 'weird', message: 'x' }, code: 'internal', message: 'x' },
    { name: 'empty message gets a default', in: { error: { code: 'not_found', message: '' } }, code: 'not_found', message: 'Not found' },
    { name: 'raw Go text is not shown', in: 'sql: database is locked', code: 'internal', message: 'Internal error' },
    { name: 'plain Error is not shown', in: new Error('undefined is not a function'), code: 'internal', message: 'Internal error' },
    { name: 'network failure', in: new TypeError('Failed to fetch'), code: 'unavailable', message: 'The StoryDiff service cannot be reached' },
    { name: 'null', in: null, code: 'internal', message: 'Internal error' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = toAppError(c.in);
      expect(got).toBeInstanceOf(AppError);
      expect({ code: got.code, message: got.message }).toEqual({ code: c.code, message: c.message });
    });
  }

  it('returns an AppError unchanged', () => {
    const e = new AppError('invalid', 'x');
    expect(toAppError(e)).toBe(e);
  });
});
