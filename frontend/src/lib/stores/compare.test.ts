import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { CompareOptions, DiffOp } from '../api/types';
import { FakeTransport } from '../testing';
import { CompareStore } from './compare.svelte';

const sp = (s: number, e: number) => ({ start: s, end: e });
const ops: DiffOp[] = [
  { op: 'equal', text: 'The ', a: sp(0, 4), b: sp(0, 4) },
  { op: 'delete', text: 'quick', a: sp(4, 9), b: sp(4, 4) },
  { op: 'insert', text: 'slow', a: sp(9, 9), b: sp(4, 8) },
  { op: 'equal', text: ' fox', a: sp(9, 13), b: sp(8, 12) },
  { op: 'delete', text: ',', a: sp(13, 14), b: sp(12, 12), minor: true, why: 'punctuation' },
  { op: 'equal', text: ' ran', a: sp(14, 18), b: sp(12, 16) },
  { op: 'insert', text: ' away', a: sp(18, 18), b: sp(16, 21) },
];

function setup() {
  const t = new FakeTransport();
  const asked: CompareOptions[] = [];
  t.handlers.Compare = (_a: string, _b: string, opt: CompareOptions) => {
    asked.push(opt);
    return { a: 1, b: 2, similarity: 0.5, stats: {}, ops };
  };
  t.handlers.GetArticle = (ref: string) => ({ id: Number(ref), title: 'T' + ref });
  return { t, asked, store: new CompareStore(new Api(t)) };
}

describe('CompareStore', () => {
  it('loads the diff with both titles', async () => {
    const { store, asked } = setup();
    await store.load('1', '2');
    expect(store.titles).toEqual(['T1', 'T2']);
    expect(store.result?.ops).toHaveLength(7);
    expect(asked).toEqual([{ by: 'word', ignore_minor: false }]);
  });

  const cases = [
    { name: 'a replacement is one change; minor edits count when shown', hideMinor: false, want: [1, 4, 6] },
    { name: 'hidden minor edits are skipped', hideMinor: true, want: [1, 6] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { store } = setup();
      await store.setOptions({ hideMinor: c.hideMinor });
      expect(store.changes()).toEqual(c.want);
    });
  }

  it('steps through changes both ways and wraps around', async () => {
    const { store } = setup();
    await store.load('1', '2');
    expect([store.step(1), store.step(1), store.step(1), store.step(1)]).toEqual([1, 4, 6, 1]);
    expect(store.step(-1)).toBe(6);
  });

  it('asks again with new options', async () => {
    const { store, asked } = setup();
    await store.load('1', '2');
    await store.setOptions({ by: 'sentence', hideMinor: true });
    expect(asked.at(-1)).toEqual({ by: 'sentence', ignore_minor: true });
  });

  it('swaps sides', async () => {
    const { store, t } = setup();
    await store.load('1', '2');
    await store.swap();
    expect(t.calls.filter((c) => c.binding === 'Compare').at(-1)?.args.slice(0, 2)).toEqual(['2', '1']);
  });
});
