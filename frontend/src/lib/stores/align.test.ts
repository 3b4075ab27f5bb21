import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { AlignResult, AlignRow } from '../api/types';
import { FakeTransport, deferred } from '../testing';
import { AlignStore, reworded, rowChanged, side, summarise } from './align.svelte';

const sp = (start: number, end: number, text: string) => ({ start, end, text });
const rows: AlignRow[] = [
  { a: sp(0, 6, 'Same. '), b: sp(0, 6, 'Same. '), score: 1, moved: false, ops: [{ kind: 'equal', text: 'Same. ' }] },
  { a: sp(6, 12, 'Gone. '), b: null, score: 0, moved: false, ops: [{ kind: 'delete', text: 'Gone. ' }] },
  {
    a: sp(12, 22, 'He said. '),
    b: sp(6, 17, 'He stated. '),
    score: 0.6,
    moved: true,
    ops: [
      { kind: 'equal', text: 'He ' },
      { kind: 'delete', text: 'said' },
      { kind: 'insert', text: 'stated' },
      { kind: 'equal', text: '. ' },
    ],
  },
  {
    a: sp(22, 26, 'Kyiv'),
    b: sp(17, 21, 'Kiev'),
    score: 0.9,
    moved: false,
    ops: [
      { kind: 'delete', text: 'Kyiv', minor: true },
      { kind: 'insert', text: 'Kiev', minor: true },
    ],
  },
  { a: null, b: sp(21, 26, 'New. '), score: 0, moved: false, ops: [{ kind: 'insert', text: 'New. ' }] },
];

function setup(auto: 'aligned' | 'diff' = 'aligned') {
  const t = new FakeTransport();
  const asked: (string | undefined)[] = [];
  t.handlers.Align = (a: string, b: string, opt: { mode: string }) => {
    asked.push(opt.mode);
    const mode = (opt.mode || auto) as 'aligned' | 'diff';
    return { a: Number(a), b: Number(b), mode, rows: mode === 'diff' ? rows.slice(0, 2) : rows } satisfies AlignResult;
  };
  return { t, asked, store: new AlignStore(new Api(t)) };
}

describe('rows', () => {
  it('each side reads as its own text', () => {
    expect(side(rows[2].ops, 'a').map((o) => o.text).join('')).toBe('He said. ');
    expect(side(rows[2].ops, 'b').map((o) => o.text).join('')).toBe('He stated. ');
  });
  it('a row changed unless both sides are equal, minor edits aside when hidden', () => {
    expect(rows.map((r) => rowChanged(r, false))).toEqual([false, true, true, true, true]);
    expect(rows.map((r) => rowChanged(r, true))).toEqual([false, true, true, false, true]);
  });
  it('a pair sharing few words in order is reworded; one-sided rows are not', () => {
    const told = (a: string, b: string, equal: string[]): AlignRow => ({
      a: sp(0, a.length, a),
      b: sp(0, b.length, b),
      score: 0.4,
      moved: false,
      ops: [...equal.map((t) => ({ kind: 'equal' as const, text: t })), { kind: 'delete', text: 'x' }],
    });
    expect(reworded(told('Pat Ryder said so on Tuesday.', 'Patrick Ryder, a spokesman, said that.', ['.']))).toBe(true);
    expect(reworded(told('He said it on Tuesday.', 'He stated it on Tuesday.', ['He ', ' it on Tuesday.']))).toBe(false);
    // Kyiv for Kiev is a spelling, not a rewording.
    expect(rows.map((r) => reworded(r))).toEqual([false, false, false, false, false]);
  });
  it('sums up pairs, moves and one-sided rows', () => {
    expect(summarise(rows)).toEqual({ rows: 5, paired: 3, moved: 1, onlyA: 1, onlyB: 1 });
  });
});

describe('AlignStore', () => {
  it('shows the mode the service chose until the reader switches', async () => {
    const { store, asked } = setup('diff');
    await store.load('1', '2');
    expect(store.mode).toBe('diff');
    expect(store.rowsOf(store.mode)).toHaveLength(2);
    await store.setMode('aligned');
    expect(store.mode).toBe('aligned');
    expect(store.rowsOf('aligned')).toHaveLength(5);
    // Switching back asks nothing more: both modes' rows are kept.
    await store.setMode('diff');
    expect(asked).toEqual(['', 'aligned']);
  });

  it('forgets the choice and the rows for another pair', async () => {
    const { store } = setup('aligned');
    await store.load('1', '2');
    await store.setMode('diff');
    await store.load('3', '4');
    expect(store.chosen).toBeNull();
    expect(store.mode).toBe('aligned');
    expect(store.results.diff).toBeUndefined();
  });

  it('steps through changed rows both ways and wraps around', async () => {
    const { store } = setup();
    await store.load('1', '2');
    const shown = store.rowsOf(store.mode);
    const step = (d: 1 | -1) => store.step(shown, false, d);
    expect([step(1), step(1), step(1), step(1)]).toEqual([1, 2, 3, 4]);
    expect(step(1)).toBe(1);
    expect(step(-1)).toBe(4);
    expect(store.changes(shown, true)).toEqual([1, 2, 4]);
    // Only the paired rows shown: indices are into what is shown.
    const paired = (shown ?? []).filter((r) => r.a && r.b);
    expect(store.changes(paired, false)).toEqual([1, 2]);
  });

  it('drops an answer for a pair no longer shown', async () => {
    const t = new FakeTransport();
    const slow = deferred<AlignResult>();
    t.handlers.Align = (a: string) => (a === '1' ? slow.promise : { a: 3, b: 4, mode: 'aligned', rows: rows.slice(0, 1) });
    const store = new AlignStore(new Api(t));
    const first = store.load('1', '2');
    await store.load('3', '4');
    slow.resolve({ a: 1, b: 2, mode: 'aligned', rows });
    await first;
    expect(store.rowsOf('aligned')).toHaveLength(1);
  });

  it('says what went wrong', async () => {
    const t = new FakeTransport();
    t.handlers.Align = () => {
      throw { code: 'not_found', message: 'no article 9' };
    };
    const store = new AlignStore(new Api(t));
    await store.load('1', '9');
    expect(store.error?.message).toContain('no article 9');
    expect(store.loading).toBe(false);
  });
});
