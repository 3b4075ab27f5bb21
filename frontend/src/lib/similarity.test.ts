import { describe, expect, it } from 'vitest';
import { pairSimilarity } from './similarity';

describe('pairSimilarity', () => {
  it('is the score of a duplicate pair', () => {
    expect(pairSimilarity({ a: 1, b: 2, kind: 'near', jaccard: 0.84, containment: 0.95, score: 0.84 })).toBe(0.84);
    expect(pairSimilarity({ a: 1, b: 2, kind: 'text', jaccard: 0.98, containment: 1, score: 1 })).toBe(1);
  });
  it('is not the story score of a story pair', () => {
    expect(pairSimilarity({ a: 1, b: 2, kind: 'story', jaccard: 0.016, containment: 0.046, score: 0.239 })).toBe(0.016);
  });
});
