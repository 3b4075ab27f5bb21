import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { ArticleDetail } from '../api/types';
import { FakeTransport, deferred } from '../testing';
import { ArticleStore } from './article.svelte';

function detail(id: number): ArticleDetail {
  return { id, title: 'T' + id, text: 'x', locations: [], blocks: [] } as unknown as ArticleDetail;
}

describe('ArticleStore', () => {
  it('keeps only the latest of two overlapping loads', async () => {
    const t = new FakeTransport();
    const answers = new Map<string, ReturnType<typeof deferred<ArticleDetail>>>();
    t.handlers.GetArticle = (ref: string) => {
      const d = deferred<ArticleDetail>();
      answers.set(ref, d);
      return d.promise;
    };
    const store = new ArticleStore(new Api(t));
    const a = store.load('1');
    const b = store.load('2');
    answers.get('2')!.resolve(detail(2));
    await b;
    answers.get('1')!.resolve(detail(1));
    await a;
    expect(store.detail?.id).toBe(2);
    expect(store.loading).toBe(false);
  });

  it('does not show the previous article while a new one loads', async () => {
    const t = new FakeTransport();
    const second = deferred<ArticleDetail>();
    t.handlers.GetArticle = (ref: string) => (ref === '1' ? detail(1) : second.promise);
    const store = new ArticleStore(new Api(t));
    await store.load('1');
    const p = store.load('2');
    expect(store.detail).toBeNull();
    expect(store.loading).toBe(true);
    second.resolve(detail(2));
    await p;
    expect(store.detail?.id).toBe(2);
  });

  it('shows a not-found error in words', async () => {
    const t = new FakeTransport();
    t.handlers.GetArticle = () => {
      throw { error: { code: 'not_found', message: 'no article with id or file "9" in the archive' } };
    };
    const store = new ArticleStore(new Api(t));
    await store.load('9');
    expect(store.detail).toBeNull();
    expect(store.error?.message).toBe('no article with id or file "9" in the archive');
  });
});
