import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import { FakeTransport } from '../testing';
import { DuplicatesStore, pageSize } from './findings.svelte';

describe('DuplicatesStore', () => {
  function setup() {
    const t = new FakeTransport();
    const mins: number[] = [];
    let rejected = false;
    let kept: number | undefined;
    t.handlers.DuplicateGroups = (min: number) => {
      mins.push(min);
      return rejected ? [] : [{ kind: 'near', similarity: 0.8, articles: [1, 2], keep: kept }];
    };
    t.handlers.Keep = (ref: string, group: number[]) => {
      if (!group.includes(Number(ref))) throw { error: { code: 'invalid', message: 'not in the group' } };
      kept = Number(ref);
      return {};
    };
    t.handlers.GetArticle = (ref: string) => ({ id: Number(ref), title: 'T' + ref, locations: [{ path: '/n/' + ref + '.txt' }] });
    t.handlers.Judge = (_a: string, _b: string, _rel: string, same: boolean) => {
      rejected = !same;
      return {};
    };
    return { t, mins, store: new DuplicatesStore(new Api(t)) };
  }

  it('asks for the default threshold first, then the slider value', async () => {
    const { store, mins } = setup();
    await store.load();
    await store.setMin(0.9);
    expect(mins).toEqual([-1, 0.9]);
  });

  it('fetches the titles and locations of the group members', async () => {
    const { store } = setup();
    await store.load();
    await store.titles.want([1, 2]);
    expect(store.titles.titles).toEqual({ 1: 'T1', 2: 'T2' });
    expect(store.titles.paths).toEqual({ 1: ['/n/1.txt'], 2: ['/n/2.txt'] });
  });

  it('saves a rejection and reloads the groups without the pair', async () => {
    const { store, t } = setup();
    await store.load();
    await store.judge(1, 2, false);
    expect(t.calls.find((c) => c.binding === 'Judge')?.args).toEqual(['1', '2', 'duplicate', false, '']);
    expect(store.verdicts).toEqual({ '1-2': false });
    expect(store.groups).toEqual([]);
  });
});

describe('DuplicatesStore keep', () => {
  it('saves the copy to keep with its group and shows it after reloading', async () => {
    const t = new FakeTransport();
    let kept: number | undefined;
    t.handlers.DuplicateGroups = () => [{ kind: 'exact', similarity: 1, articles: [3, 4], keep: kept }];
    t.handlers.GetArticle = (ref: string) => ({ id: Number(ref), title: 'T' + ref, locations: [] });
    t.handlers.Keep = (ref: string) => {
      kept = Number(ref);
      return {};
    };
    const store = new DuplicatesStore(new Api(t));
    await store.load();
    expect(store.groups[0].keep).toBeUndefined();
    await store.keep(4, [3, 4]);
    expect(t.calls.find((c) => c.binding === 'Keep')?.args).toEqual(['4', [3, 4]]);
    expect(store.groups[0].keep).toBe(4);
    expect(store.error).toBeNull();
  });
});

describe('paging', () => {
  // A fake archive of n stories or groups that answers (offset, limit).
  function pages(n: number) {
    const t = new FakeTransport();
    const asked: number[][] = [];
    t.handlers.Stories = (offset: number, limit: number) => {
      asked.push([offset, limit]);
      const end = limit > 0 ? Math.min(offset + limit, n) : n;
      return Array.from({ length: Math.max(0, end - offset) }, (_, k) => ({ id: offset + k + 1, label: 'S', earliest: 1, articles: [] }));
    };
    t.handlers.DuplicateGroups = (_min: number, offset: number, limit: number) => {
      asked.push([offset, limit]);
      const end = limit > 0 ? Math.min(offset + limit, n) : n;
      return Array.from({ length: Math.max(0, end - offset) }, (_, k) => ({ kind: 'near', similarity: 0.8, articles: [offset + k + 1] }));
    };
    t.handlers.GetArticle = (ref: string) => ({ id: Number(ref), title: 'T' + ref, locations: [] });
    return { t, asked };
  }

  it('lists duplicate groups a page at a time; a new threshold starts from the first page', async () => {
    const { t, asked } = pages(2 * pageSize + 1);
    const store = new DuplicatesStore(new Api(t));
    await store.load();
    await store.loadMore();
    expect(store.groups.length).toBe(2 * pageSize);
    expect(store.more).toBe(true);
    await store.setMin(0.9);
    expect(asked.at(-1)).toEqual([0, pageSize]);
    expect(store.groups.length).toBe(pageSize);
  });
});
