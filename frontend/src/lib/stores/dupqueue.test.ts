import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../api/client';
import type { DuplicateGroup, DuplicateQueue, GroupVerdict } from '../api/types';
import { keyAction } from '../dupkeys';
import { FakeTransport } from '../testing';
import { DuplicateQueueStore, queuePageSize, sliderWait } from './dupqueue.svelte';

// A fake service with n groups of two articles each (group i: 2i+1, 2i+2),
// near-duplicates with similarity falling with i, that stores reviews and
// answers the queue as the service does: filtered, counted, paged.
function fakeQueue(n: number) {
  const t = new FakeTransport();
  const reviews = new Map<string, { verdict: GroupVerdict; keep: number }>();
  const asked: { min: number; show: string; offset: number; limit: number }[] = [];
  const all = (min: number): DuplicateGroup[] =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'near',
      similarity: 1 - i / (2 * n),
      articles: [2 * i + 1, 2 * i + 2],
    })).filter((g) => min < 0 || g.similarity >= min);
  t.handlers.DuplicateQueue = (min: number, show: string, offset: number, limit: number): DuplicateQueue => {
    asked.push({ min, show, offset, limit });
    const groups = all(min).map((g) => {
      const r = reviews.get(g.articles.join());
      return r
        ? { ...g, keep: r.keep || undefined, review: { members: g.articles, verdict: r.verdict, keep: r.keep, reviewed_at: '' } }
        : g;
    });
    const reviewed = groups.filter((g) => g.review).length;
    const shown = groups.filter((g) => show === 'all' || (show === 'reviewed') === !!g.review);
    return {
      min_similarity: min < 0 ? 0.5 : min,
      show: show as DuplicateQueue['show'],
      counts: { groups: groups.length, near: groups.length, exact: 0, reviewed, unreviewed: groups.length - reviewed, several_paths: 0 },
      total: shown.length,
      offset,
      groups: shown.slice(offset, offset + limit),
    };
  };
  t.handlers.ReviewDuplicates = (articles: number[], verdict: GroupVerdict | '', keep: number) => {
    if (verdict === '' && !keep) reviews.delete(articles.join());
    else reviews.set(articles.join(), { verdict: verdict || 'duplicates', keep });
    return {};
  };
  return { t, reviews, asked, store: new DuplicateQueueStore(new Api(t)) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the duplicates queue', () => {
  it('shows the true totals from the first page, whatever the page size', async () => {
    const { store, asked } = fakeQueue(868);
    await store.load();
    expect(asked[0]).toEqual({ min: -1, show: 'unreviewed', offset: 0, limit: queuePageSize });
    expect(store.groups.length).toBe(queuePageSize);
    expect(store.queue?.counts.groups).toBe(868);
    expect(store.queue?.total).toBe(868);
  });

  it('re-queries once the slider rests, from the first page, and the counts follow', async () => {
    vi.useFakeTimers();
    const { store, asked } = fakeQueue(100);
    await store.load();
    await store.goToPage(queuePageSize);
    const before = asked.length;
    store.slide(0.9);
    store.slide(0.8);
    store.slide(0.75);
    expect(asked.length).toBe(before); // nothing until the slider rests
    await vi.advanceTimersByTimeAsync(sliderWait);
    expect(asked.length).toBe(before + 1);
    expect(asked.at(-1)).toEqual({ min: 0.75, show: 'unreviewed', offset: 0, limit: queuePageSize });
    expect(store.queue?.counts.groups).toBe(51); // similarity 1 - i/200 >= 0.75
    expect(store.offset).toBe(0);
  });

  it('moves with j and k, across pages', async () => {
    const { store } = fakeQueue(queuePageSize + 3);
    await store.load();
    await store.act('next');
    expect(store.focus).toBe(1);
    await store.act('prev');
    await store.act('prev');
    expect(store.focus).toBe(0);
    for (let i = 0; i < queuePageSize; i++) await store.act('next');
    expect(store.offset).toBe(queuePageSize);
    expect(store.focus).toBe(0);
    await store.act('prev');
    expect(store.offset).toBe(0);
    expect(store.focus).toBe(queuePageSize - 1);
  });

  it('keeps the focused copy, takes the group out of the unreviewed queue and focuses the next', async () => {
    const { store, reviews } = fakeQueue(5);
    await store.load();
    await store.act('next');
    await store.act('nextCopy');
    await store.act('keep');
    expect(reviews.get('3,4')).toEqual({ verdict: 'duplicates', keep: 4 });
    expect(store.queue?.counts.reviewed).toBe(1);
    expect(store.focused?.articles).toEqual([5, 6]); // the next unreviewed
    await store.act('notDuplicates');
    expect(reviews.get('5,6')).toEqual({ verdict: 'not_duplicates', keep: 0 });
    expect(store.focused?.articles).toEqual([7, 8]);
  });

  it('undoes the last verdict and focuses its group again', async () => {
    const { store, reviews } = fakeQueue(5);
    await store.load();
    await store.act('duplicates');
    expect(reviews.has('1,2')).toBe(true);
    await store.act('undo');
    expect(reviews.has('1,2')).toBe(false);
    expect(store.queue?.counts.reviewed).toBe(0);
    expect(store.focused?.articles).toEqual([1, 2]);
  });

  it('u shows the reviewed groups too, and a verdict there moves to the next unreviewed', async () => {
    const { store } = fakeQueue(4);
    await store.load();
    await store.act('duplicates'); // 1,2
    await store.act('toggleReviewed');
    expect(store.show).toBe('all');
    expect(store.groups.length).toBe(4);
    expect(store.focus).toBe(0);
    await store.act('next');
    await store.act('next');
    await store.act('duplicates'); // 5,6
    expect(store.focused?.articles).toEqual([7, 8]);
    await store.act('prev');
    await store.act('prev');
    await store.act('notDuplicates'); // 3,4 reviewed: 7,8 is the next unreviewed
    expect(store.focused?.articles).toEqual([7, 8]);
    await store.act('toggleReviewed');
    expect(store.show).toBe('unreviewed');
    expect(store.groups.map((g) => g.articles.join())).toEqual(['7,8']);
  });
});

describe('queue keys', () => {
  it('maps letters and arrows, and leaves typing and shortcuts alone', () => {
    expect(keyAction({ key: 'j' })).toBe('next');
    expect(keyAction({ key: 'ArrowDown' })).toBe('next');
    expect(keyAction({ key: 'k' })).toBe('prev');
    expect(keyAction({ key: 's' })).toBe('keep');
    expect(keyAction({ key: 'd' })).toBe('duplicates');
    expect(keyAction({ key: 'n' })).toBe('notDuplicates');
    expect(keyAction({ key: 'z' })).toBe('undo');
    expect(keyAction({ key: 'u' })).toBe('toggleReviewed');
    expect(keyAction({ key: 'x' })).toBeNull();
    expect(keyAction({ key: 'j', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: '1', altKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowLeft', target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeNull();
    expect(keyAction({ key: 'j', target: { tagName: 'SELECT' } as unknown as EventTarget })).toBeNull();
    expect(keyAction({ key: 'j', target: { tagName: 'BUTTON' } as unknown as EventTarget })).toBe('next');
  });
});
