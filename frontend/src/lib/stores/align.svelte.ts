import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { AlignMode, AlignOp, AlignResult, AlignRow } from '../api/types';

// rowChanged says whether a row is one the reader steps through: a sentence
// on one side only, or a pair whose words differ (minor edits aside when
// they are hidden).
export function rowChanged(row: AlignRow, hideMinor: boolean): boolean {
  if (!row.a || !row.b) return true;
  return (row.ops ?? []).some((o) => o.kind !== 'equal' && !(hideMinor && o.minor));
}

// side keeps the ops one side of a row shows: A's equal and deleted words,
// or B's equal and inserted ones, so that each side reads as its own text.
export function side(ops: readonly AlignOp[] | null, which: 'a' | 'b'): AlignOp[] {
  const drop = which === 'a' ? 'insert' : 'delete';
  return (ops ?? []).filter((o) => o.kind !== drop);
}

// reworded says whether a paired row shares so few words in the same order
// that its word diff would strike all of A and underline all of B: two
// outlets telling one fact in their own words. Such a row reads better
// unmarked, labelled as reworded; below a quarter of the shorter side's
// letters left equal, the marks say nothing the pairing does not.
export function reworded(row: AlignRow, share = 0.25): boolean {
  if (!row.a || !row.b) return false;
  return rewordedOps(row.ops, row.a.text, row.b.text, share);
}

// rewordedOps is reworded for any word diff from text a to text b (a
// collation cell against its row's first wording).
export function rewordedOps(ops: readonly AlignOp[] | null | undefined, a: string, b: string, share = 0.25): boolean {
  const letters = (t: string) => t.replace(/\s+/g, '').length;
  // A minor edit (a name's spelling, quote style) counts as kept wording.
  const kept = (ops ?? []).reduce((n, o) => (o.kind === 'equal' || (o.minor && o.kind === 'insert') ? n + letters(o.text) : n), 0);
  const shorter = Math.min(letters(a), letters(b));
  return shorter > 0 && kept < share * shorter;
}

export interface AlignSummary {
  rows: number;
  paired: number;
  moved: number;
  onlyA: number;
  onlyB: number;
}

export function summarise(rows: readonly AlignRow[]): AlignSummary {
  const s = { rows: rows.length, paired: 0, moved: 0, onlyA: 0, onlyB: 0 };
  for (const r of rows) {
    if (r.a && r.b) s.paired++;
    else if (r.a) s.onlyA++;
    else if (r.b) s.onlyB++;
    if (r.moved) s.moved++;
  }
  return s;
}

// AlignStore holds the row-by-row comparison of article A with article B:
// the mode the service chose for the pair (aligned sentences for related
// versions, the word diff for near-duplicates), the mode the reader
// switched to, and the rows of each mode asked for so far.
export class AlignStore {
  a = $state('');
  b = $state('');
  auto = $state<AlignMode | null>(null);
  chosen = $state<AlignMode | null>(null);
  results = $state.raw<Partial<Record<AlignMode, AlignResult>>>({});
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  current = $state(-1); // index into changes()
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  // mode is what the view shows: the reader's choice, else the service's.
  get mode(): AlignMode | null {
    return this.chosen ?? this.auto;
  }

  rowsOf(mode: AlignMode | null): AlignRow[] | null {
    return mode ? (this.results[mode]?.rows ?? null) : null;
  }

  async load(a: string, b: string): Promise<void> {
    if (a !== this.a || b !== this.b) {
      this.results = {};
      this.auto = null;
      this.chosen = null;
      this.current = -1;
    }
    this.a = a;
    this.b = b;
    await this.fetch(null);
  }

  // setMode switches between aligned sentences and the word diff; each
  // mode's rows are asked for once per pair.
  async setMode(m: AlignMode): Promise<void> {
    this.chosen = m;
    this.current = -1;
    if (!this.results[m]) await this.fetch(m);
  }

  // fetch asks for the rows of mode m (null: the service chooses); an
  // answer for a pair or mode no longer shown is dropped.
  private async fetch(m: AlignMode | null): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    this.error = null;
    try {
      const r = await this.api.align(this.a, this.b, m);
      if (seq !== this.seq) return;
      if (m === null) this.auto = r.mode;
      this.results = { ...this.results, [r.mode]: r };
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  // changes are the indices, in rows (those shown), of the rows the reader
  // steps through.
  changes(rows: readonly AlignRow[] | null, hideMinor: boolean): number[] {
    const out: number[] = [];
    (rows ?? []).forEach((r, i) => {
      if (rowChanged(r, hideMinor)) out.push(i);
    });
    return out;
  }

  // step moves to the next (+1) or previous (-1) changed row of rows,
  // wrapping around, and returns its index, or -1 when no row changed.
  step(rows: readonly AlignRow[] | null, hideMinor: boolean, dir: 1 | -1): number {
    const ch = this.changes(rows, hideMinor);
    if (ch.length === 0) return -1;
    this.current = this.current < 0 ? (dir > 0 ? 0 : ch.length - 1) : (this.current + dir + ch.length) % ch.length;
    return ch[this.current];
  }
}

export const aligned = new AlignStore();
