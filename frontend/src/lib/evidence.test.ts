import { describe, expect, it } from 'vitest';
import { evidenceKind } from './evidence';

describe('evidenceKind', () => {
  it('names the kinds the event analysis reports in words a reader knows', () => {
    expect(evidenceKind('event')).toBe('What happened');
    expect(evidenceKind('passage')).toBe('Shared passage');
  });
  it('shows a kind it does not know capitalised, and an empty one as Other', () => {
    expect(evidenceKind('word parts')).toBe('Word parts');
    expect(evidenceKind('')).toBe('Other');
  });
});
