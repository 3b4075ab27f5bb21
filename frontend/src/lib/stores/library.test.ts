import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { Article, ListQuery, SearchHit, SearchRequest } from '../api/types';
import { FakeTransport, deferred } from '../testing';
import { LibraryStore } from './library.svelte';

function art(id: number): Article {
  return { id, title: 'A' + id, outlet: '', published: null, language: 'en', encoding: 'utf-8', format: 'txt', words: id, import_id: 1, imported_at: '', paths: [], sha256: '' };
}

// A fake archive of n articles, paged as the service pages them.
function archive(n: number) {
  const t = new FakeTransport();
  const queries: ListQuery[] = [];
  t.handlers.ListArticles = (q: ListQuery) => {
    queries.push(q);
    const ids = Array.from({ length: n }, (_, i) => i + 1);
    const page = ids.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 100)).map(art);
    return { total: n, articles: page };
  };
  t.handlers.Facets = () => ({ articles: n, outlets: [], languages: [] });
  return { t, queries, store: new LibraryStore(new Api(t), { pageSize: 10 }) };
}

describe('LibraryStore paging', () => {
  it('loads the first page and the total on reload', async () => {
    const { store } = archive(25);
    await store.reload();
    expect(store.total).toBe(25);
    expect(store.row(0)?.id).toBe(1);
    expect(store.row(9)?.id).toBe(10);
    expect(store.row(10)).toBeUndefined();
    expect(store.facets?.articles).toBe(25);
  });

  it('fetches each page covering a range once', async () => {
    const { store, queries } = archive(100);
    await store.reload();
    await Promise.all([store.ensure(5, 35), store.ensure(12, 30)]);
    const offsets = queries.map((q) => q.offset).sort((a, b) => a! - b!);
    expect(offsets).toEqual([0, 10, 20, 30]);
    expect(store.row(34)?.id).toBe(35);
  });

  it('does not ask for pages past the end', async () => {
    const { store, queries } = archive(15);
    await store.reload();
    await store.ensure(0, 200);
    expect(queries.map((q) => q.offset)).toEqual([0, 10]);
  });

  it('drops a page that answers after the query changed', async () => {
    const t = new FakeTransport();
    const slow = deferred<{ total: number; articles: Article[] }>();
    let call = 0;
    t.handlers.ListArticles = () => (++call === 1 ? slow.promise : { total: 1, articles: [art(99)] });
    t.handlers.Facets = () => ({ articles: 0, outlets: [], languages: [] });
    const store = new LibraryStore(new Api(t), { pageSize: 10 });
    const first = store.reload();
    await store.setFilter({ outlet: 'BBC' });
    slow.resolve({ total: 5, articles: [art(1)] });
    await first;
    expect(store.total).toBe(1);
    expect(store.row(0)?.id).toBe(99);
  });
});

describe('LibraryStore sorting and filters', () => {
  const cases: { name: string; clicks: ('title' | 'words' | 'published')[]; sort: string; desc: boolean }[] = [
    { name: 'default is newest first', clicks: [], sort: 'published', desc: true },
    { name: 'a new column starts ascending for names', clicks: ['title'], sort: 'title', desc: false },
    { name: 'a second click reverses', clicks: ['title', 'title'], sort: 'title', desc: true },
    { name: 'sizes start largest first', clicks: ['words'], sort: 'words', desc: true },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { store, queries } = archive(3);
      for (const k of c.clicks) await store.setSort(k);
      await store.reload();
      const q = queries[queries.length - 1];
      expect({ sort: q.sort, desc: q.desc }).toEqual({ sort: c.sort, desc: c.desc });
    });
  }

  it('sends filters and leaves out empty ones', async () => {
    const { store, queries } = archive(3);
    await store.setFilter({ outlet: 'BBC', from: '2022-01-01', badge: 'repeat' });
    const q = queries[queries.length - 1];
    expect(q).toMatchObject({ outlet: 'BBC', from: '2022-01-01', badge: 'repeat', offset: 0 });
    expect(q.language).toBeUndefined();
    expect(q.to).toBeUndefined();
  });

  it('keeps the error of a failed load for the view', async () => {
    const t = new FakeTransport();
    t.handlers.ListArticles = () => {
      throw '{"code":"invalid","message":"cannot sort by \\"x\\""}';
    };
    t.handlers.Facets = () => ({ articles: 0, outlets: [], languages: [] });
    const store = new LibraryStore(new Api(t));
    await store.reload();
    expect(store.error?.message).toBe('cannot sort by "x"');
  });
});

// page answers a search as the service does, with every hit on one page.
const page = (hits: SearchHit[]) => ({ total: hits.length, offset: 0, hits });

describe('LibraryStore search as you type', () => {
  it('coalesces keystrokes typed while a search runs into one search for the latest text', async () => {
    const t = new FakeTransport();
    const answers = new Map<string, ReturnType<typeof deferred<unknown>>>();
    t.handlers.SearchArticles = (r: SearchRequest) => {
      const d = deferred<unknown>();
      answers.set(r.q, d);
      return d.promise;
    };
    const store = new LibraryStore(new Api(t));
    const all = store.type('c');
    void store.type('ce');
    void store.type('cea');
    expect([...answers.keys()]).toEqual(['c']);
    answers.get('c')!.resolve(page([{ article: art(1), snippet: [] }]));
    await new Promise((r) => setTimeout(r, 0));
    expect([...answers.keys()]).toEqual(['c', 'cea']);
    expect(store.hitsFor).toBe('c');
    expect(store.searching).toBe(true);
    answers.get('cea')!.resolve(page([{ article: art(2), snippet: [{ text: 'cea', hit: true }] }]));
    await all;
    expect(store.hits.map((h) => h.article.id)).toEqual([2]);
    expect(store.hitsFor).toBe('cea');
    expect(store.searching).toBe(false);
  });

  it('ignores an answer that arrives after the box was emptied', async () => {
    const t = new FakeTransport();
    const answer = deferred<unknown>();
    t.handlers.SearchArticles = () => answer.promise;
    const store = new LibraryStore(new Api(t));
    const p = store.type('x');
    void store.type('');
    answer.resolve(page([{ article: art(1), snippet: [] }]));
    await p;
    expect(store.hits).toEqual([]);
    expect(store.searching).toBe(false);
  });

  it('clears hits when the box is emptied', async () => {
    const t = new FakeTransport();
    t.handlers.SearchArticles = () => page([{ article: art(1), snippet: [] }]);
    const store = new LibraryStore(new Api(t));
    await store.type('x');
    expect(store.hits).toHaveLength(1);
    await store.type('  ');
    expect(store.hits).toEqual([]);
  });

  it('shows a search error as an AppError', async () => {
    const t = new FakeTransport();
    t.handlers.SearchArticles = () => {
      throw { error: { code: 'invalid', message: 'nothing to search for' } };
    };
    const store = new LibraryStore(new Api(t));
    await store.type('"');
    expect(store.searchError?.code).toBe('invalid');
    expect(store.hits).toEqual([]);
  });
});

describe('LibraryStore search with filters and pages', () => {
  // A fake archive whose search for anything matches articles 1..n, of
  // which the French ones are the multiples of 3.
  function searchable(n: number) {
    const t = new FakeTransport();
    const reqs: SearchRequest[] = [];
    t.handlers.SearchArticles = (r: SearchRequest) => {
      reqs.push(r);
      const ids = Array.from({ length: n }, (_, i) => i + 1).filter((id) => r.language !== 'fr' || id % 3 === 0);
      const hits = ids.slice(r.offset ?? 0, (r.offset ?? 0) + (r.limit ?? 20)).map((id) => ({ article: art(id), snippet: [] }));
      return { total: ids.length, offset: r.offset ?? 0, hits, variants: { zelenskyy: ['zelensky'] } };
    };
    t.handlers.ListArticles = () => ({ total: n, articles: [] });
    t.handlers.Facets = () => ({ articles: n, outlets: [], languages: [] });
    return { reqs, store: new LibraryStore(new Api(t), { searchPageSize: 10 }) };
  }

  it('sends the filters with the search, and searches again when one changes', async () => {
    const { reqs, store } = searchable(25);
    await store.setFilter({ from: '2022-01-01' });
    await store.type('zelenskyy');
    expect(reqs.at(-1)).toMatchObject({ q: 'zelenskyy', from: '2022-01-01', offset: 0, limit: 10 });
    await store.setFilter({ language: 'fr' });
    expect(reqs.at(-1)).toMatchObject({ q: 'zelenskyy', language: 'fr', from: '2022-01-01' });
    expect(store.hits.map((h) => h.article.id)).toEqual([3, 6, 9, 12, 15, 18, 21, 24]);
    expect(store.hitsTotal).toBe(8);
    expect(store.variants).toEqual({ zelenskyy: ['zelensky'] });
  });

  it('pages through every hit', async () => {
    const { store } = searchable(25);
    await store.type('x');
    expect(store.hits).toHaveLength(10);
    await store.moreHits();
    await store.moreHits();
    expect(store.hits.map((h) => h.article.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    await store.moreHits(); // nothing more to fetch
    expect(store.hits).toHaveLength(25);
  });
});
