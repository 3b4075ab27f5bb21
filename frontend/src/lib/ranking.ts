import type { PartialRanking, SearchHit } from './api/types';

const count = (n: number) => n.toLocaleString('en');

// rankingNote explains, for a broad search, which matches were ranked, so
// that a researcher never takes the best of a subset for the best of all.
// It is empty when every match was ranked.
export function rankingNote(hits: SearchHit[]): string {
  const p: PartialRanking | undefined = hits[0]?.partial;
  if (!p) return '';
  const recent = `the best of the ${count(p.recent)} most recently added matches`;
  const rest = ' The other matches follow, newest first.';
  if (p.titles === 0) return `Many articles match: showing ${recent}.${rest}`;
  const titles = p.moreTitles
    ? `the ${count(p.titles)} most recent articles whose title matches`
    : `the ${count(p.titles)} ${p.titles === 1 ? 'article whose title matches' : 'articles whose title matches'}`;
  return `Many articles match: showing ${titles}, then ${recent}.${rest}`;
}
