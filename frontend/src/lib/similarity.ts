import type { Pair } from './api/types';

// pairSimilarity is a stored pair's similarity, the number the duplicates
// listing, the Compare view and every report give for it: a duplicate
// pair's score (1 for exact copies, the near-duplicate score otherwise);
// a story pair's score is another measure (how likely two texts are
// versions of one story), so its similarity is the Jaccard of their shingles.
export function pairSimilarity(p: Pair): number {
  return p.kind === 'story' ? p.jaccard : p.score;
}
