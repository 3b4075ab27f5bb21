import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { Collation } from '../api/types';
import { FakeTransport } from '../testing';
import { collationHref, parseRoute } from '../route.svelte';
import { CollationStore } from './collation.svelte';

const cell = (article: number, text: string) => ({ article, start: 0, end: text.length, text });
const story: Collation = {
  story: 7,
  versions: [10, 11, 12],
  articles: [10, 11, 12].map((id) => ({ id, published: null, title: 'T' + id, outlet: '', earliest: id === 10 })),
  rows: [
    { cells: [cell(10, 'A.'), cell(11, 'A.'), null], first: 10, count: 2 },
    { cells: [null, cell(11, 'B.'), null], first: 11, count: 1 },
    { cells: [cell(10, 'C.'), cell(11, 'C!'), cell(12, 'C.')], first: 10, count: 3 },
    { cells: [null, null, cell(12, 'D.')], first: 12, count: 1 },
  ],
};

describe('CollationStore', () => {
  it('loads a story and filters the rows found in one version', async () => {
    const t = new FakeTransport();
    t.handlers.Collation = (id: number) => (id === 7 ? story : null);
    const s = new CollationStore(new Api(t));
    await s.load(7);
    expect(t.calls[0].args).toEqual([7]);
    expect(s.shown).toEqual([0, 1, 2, 3]);
    expect(s.singles).toBe(2);
    s.onlySingles = true;
    expect(s.shown).toEqual([1, 3]);
    expect(s.versionOf(12)).toBe(2);
    expect(s.versionOf(99)).toBe(-1);
  });

  it('clears the filter for another story', async () => {
    const t = new FakeTransport();
    t.handlers.Collation = () => story;
    const s = new CollationStore(new Api(t));
    await s.load(7);
    s.onlySingles = true;
    await s.load(8);
    expect(s.onlySingles).toBe(false);
  });
});

describe('the collation route', () => {
  it('round-trips through its address', () => {
    expect(parseRoute(collationHref(42))).toEqual({ view: 'collation', story: 42 });
  });
  const others = ['#/story/x/collation', '#/story/42', '#/story/42/other'];
  for (const h of others) it(h + ' is not a collation', () => expect(parseRoute(h).view).not.toBe('collation'));
});
