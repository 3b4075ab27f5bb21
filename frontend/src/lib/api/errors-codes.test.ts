import { describe, expect, it } from 'vitest';
import { jobError } from './client';
import { errorCodes, toAppError } from './errors';

// Every code core/error.go declares (EINVALID ... EFULL). A code missing on
// this side would reach the UI as "internal", so a read-only archive or a
// full disk would read as a bug.
const fromGo = ['invalid', 'not_found', 'conflict', 'canceled', 'internal', 'read_only', 'disk_full'];

describe('error codes', () => {
  it('has a TypeScript code for each Go code', () => {
    for (const code of fromGo) expect(errorCodes).toContain(code);
  });

  for (const code of fromGo) {
    describe(code, () => {
      it('keeps its code and message from an HTTP error body', () => {
        const e = toAppError({ error: { code, message: 'said by ' + code } });
        expect({ code: e.code, message: e.message }).toEqual({ code, message: 'said by ' + code });
      });

      it('keeps its code and message from a Wails rejection', () => {
        const e = toAppError(new Error(JSON.stringify({ code, message: 'said by ' + code })));
        expect({ code: e.code, message: e.message }).toEqual({ code, message: 'said by ' + code });
      });

      it('keeps its code from a failed job', () => {
        const e = jobError({ jobId: 'j', kind: 'import', code, error: 'said by ' + code });
        expect({ code: e?.code, message: e?.message }).toEqual({ code, message: 'said by ' + code });
      });

      it('gets a message of its own when none was sent', () => {
        const e = toAppError({ error: { code, message: '' } });
        expect(e.code).toBe(code);
        expect(e.message).not.toBe('');
        // Only a real internal error may read as one.
        if (code !== 'internal') expect(e.message).not.toBe('Internal error');
      });
    });
  }

  it('says what read_only and disk_full mean when the message is missing', () => {
    expect(toAppError({ code: 'read_only', message: '' }).message).toMatch(/read-only/);
    expect(toAppError({ code: 'disk_full', message: '' }).message).toMatch(/full/);
  });
});
