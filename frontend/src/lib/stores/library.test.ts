import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { Article, ListQuery } from '../api/types';
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

describe('LibraryStore search as you type', () => {
  it('coalesces keystrokes typed while a search runs into one search for the latest text', async () => {
    const t = new FakeTransport();
    const answers = new Map<string, ReturnType<typeof deferred<unknown>>>();
    t.handlers.Search = (q: string) => {
      const d = deferred<unknown>();
      answers.set(q, d);
      return d.promise;
    };
    const store = new LibraryStore(new Api(t));
    const all = store.type('c');
    void store.type('ce');
    void store.type('cea');
    expect([...answers.keys()]).toEqual(['c']);
    answers.get('c')!.resolve([{ article: art(1), snippet: [] }]);
    await new Promise((r) => setTimeout(r, 0));
    expect([...answers.keys()]).toEqual(['c', 'cea']);
    expect(store.hitsFor).toBe('c');
    expect(store.searching).toBe(true);
    answers.get('cea')!.resolve([{ article: art(2), snippet: [{ text: 'cea', hit: true }] }]);
    await all;
    expect(store.hits.map((h) => h.article.id)).toEqual([2]);
    expect(store.hitsFor).toBe('cea');
    expect(store.searching).toBe(false);
  });

  it('ignores an answer that arrives after the box was emptied', async () => {
    const t = new FakeTransport();
    const answer = deferred<unknown>();
    t.handlers.Search = () => answer.promise;
    const store = new LibraryStore(new Api(t));
    const p = store.type('x');
    void store.type('');
    answer.resolve([{ article: art(1), snippet: [] }]);
    await p;
    expect(store.hits).toEqual([]);
    expect(store.searching).toBe(false);
  });

  it('clears hits when the box is emptied', async () => {
    const t = new FakeTransport();
    t.handlers.Search = () => [{ article: art(1), snippet: [] }];
    const store = new LibraryStore(new Api(t));
    await store.type('x');
    expect(store.hits).toHaveLength(1);
    await store.type('  ');
    expect(store.hits).toEqual([]);
  });

  it('shows a search error as an AppError', async () => {
    const t = new FakeTransport();
    t.handlers.Search = () => {
      throw { error: { code: 'invalid', message: 'nothing to search for' } };
    };
    const store = new LibraryStore(new Api(t));
    await store.type('"');
    expect(store.searchError?.code).toBe('invalid');
    expect(store.hits).toEqual([]);
  });
});
