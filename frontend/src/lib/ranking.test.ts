import { describe, expect, it } from 'vitest';
import { rankingNote } from './ranking';
import type { SearchHit } from './api/types';

const hit = (partial?: SearchHit['partial']): SearchHit => ({
  article: { id: 1 } as SearchHit['article'],
  snippet: null,
  partial,
});

describe('rankingNote', () => {
  const cases = [
    { name: 'no hits', hits: [], want: '' },
    { name: 'every match ranked', hits: [hit()], want: '' },
    {
      name: 'no title matches',
      hits: [hit({ recent: 500, titles: 0 })],
      want: 'Many articles match: showing the best of the 500 most recently added matches. The other matches follow, newest first.',
    },
    {
      name: 'one title match',
      hits: [hit({ recent: 500, titles: 1 })],
      want: 'Many articles match: showing the 1 article whose title matches, then the best of the 500 most recently added matches. The other matches follow, newest first.',
    },
    {
      name: 'more title matches than ranked',
      hits: [hit({ recent: 1000, titles: 1000, moreTitles: true })],
      want: 'Many articles match: showing the 1,000 most recent articles whose title matches, then the best of the 1,000 most recently added matches. The other matches follow, newest first.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(rankingNote(c.hits)).toBe(c.want);
    });
  }
});
