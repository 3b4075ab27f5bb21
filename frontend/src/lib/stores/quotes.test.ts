import { describe, expect, it, vi } from 'vitest';
import { Api } from '../api/client';
import { HttpTransport } from '../api/http';
import type { Transport } from '../api/transport';
import type { QuoteEntry } from '../api/types';
import { segments } from '../text';
import { QuotesStore, firstAmong, quoteMarks } from './quotes.svelte';

const carrier = (article: number, start: number, end: number) => ({
  article,
  text: 'x',
  speaker: '',
  start,
  end,
  published: null,
  title: 'T' + article,
  outlet: '',
});

const entries: QuoteEntry[] = [
  { id: 7, quote: 'a', speaker: 'Pat Ryder', first: { article: 3, published: null, title: 'T3' }, count: 2, articles: [carrier(3, 1, 5), carrier(5, 10, 20)] },
  { id: 9, quote: 'b', speaker: '', first: { article: 5, published: null, title: 'T5' }, count: 1, articles: [carrier(5, 30, 40), carrier(5, 50, 52)] },
];

describe('quoteMarks', () => {
  it('marks only the article’s own spans', () => {
    expect(quoteMarks(entries, 5)).toEqual([
      { kind: 'quote', start: 10, end: 20 },
      { kind: 'quote', start: 30, end: 40 },
      { kind: 'quote', start: 50, end: 52 },
    ]);
    expect(quoteMarks(entries, 4)).toEqual([]);
  });
});

describe('quote marks in the text', () => {
  it('show over boilerplate and under a repeated passage, cut at code points', () => {
    const text = 'a “😀 quoted” b';
    const parts = segments(text, [
      { kind: 'boilerplate', start: 0, end: 14 },
      { kind: 'quote', start: 3, end: 11 },
      { kind: 'repeat', start: 5, end: 11, passage: 0, occurrence: 0 },
    ]);
    expect(parts.map(({ text, kind }) => [text, kind])).toEqual([
      ['a “', 'boilerplate'],
      ['😀 ', 'quote'],
      ['quoted', 'repeat'],
      ['” b', 'boilerplate'],
    ]);
  });
});

describe('firstAmong', () => {
  it('is the earliest carrier that is a version of the story', () => {
    expect(firstAmong(entries[0], new Set([5, 4]))).toBe(5);
    expect(firstAmong(entries[0], new Set([3, 5]))).toBe(3);
    expect(firstAmong(entries[0], new Set([1]))).toBeNull();
  });
});

describe('QuotesStore', () => {
  it('keeps only the answer to the latest load', async () => {
    const resolvers: ((v: unknown) => void)[] = [];
    const transport: Transport = {
      kind: 'http',
      call: vi.fn(() => new Promise((r) => resolvers.push(r))) as Transport['call'],
      subscribe: () => () => {},
    };
    const s = new QuotesStore(new Api(transport));
    const first = s.load({ ref: '1' });
    const second = s.load({ ref: '2' });
    resolvers[1]([entries[1]]);
    await second;
    resolvers[0]([entries[0]]);
    await first;
    expect(s.entries.map((e) => e.id)).toEqual([9]);
    expect(s.key).toBe('a2');
  });
});

describe('Api.quotes over HTTP', () => {
  it('asks by article, by story or for a page, leaving out what is not given', async () => {
    const fetch = vi.fn(async () => new Response('[]', { status: 200 }));
    const api = new Api(new HttpTransport({ fetch: fetch as unknown as typeof globalThis.fetch }));
    await api.quotes({ ref: 'a b.txt' });
    await api.quotes({ story: 4 });
    await api.quotes({ offset: 50, limit: 50 });
    expect(fetch.mock.calls.map((c) => String((c as unknown[])[0]))).toEqual([
      '/api/quotes?ref=a+b.txt',
      '/api/quotes?story=4',
      '/api/quotes?offset=50&limit=50',
    ]);
  });
});
