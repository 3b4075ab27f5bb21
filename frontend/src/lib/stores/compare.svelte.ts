import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { Comparison, DiffOp, Granularity } from '../api/types';

export type Layout = 'inline' | 'side';

// isChange says whether an op is a change the reader steps through; minor
// edits are not when they are hidden.
export function isChange(op: DiffOp, hideMinor: boolean): boolean {
  if (op.op === 'equal') return false;
  return !(hideMinor && op.minor);
}

// CompareStore holds one comparison of article A against article B, its
// options, and which change the reader is on.
export class CompareStore {
  a = $state('');
  b = $state('');
  by = $state<Granularity>('word');
  hideMinor = $state(false);
  layout = $state<Layout>('inline');
  result = $state.raw<Comparison | null>(null);
  titles = $state.raw<[string, string]>(['', '']);
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  current = $state(-1); // index into changes()
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  // changes are the indices of the ops the reader steps through.
  changes(): number[] {
    const ops = this.result?.ops ?? [];
    const out: number[] = [];
    ops.forEach((op, i) => {
      if (!isChange(op, this.hideMinor)) return;
      // A replaced word is a delete then an insert: one change, not two.
      const prev = ops[i - 1];
      if (op.op === 'insert' && prev?.op === 'delete' && out[out.length - 1] === i - 1) return;
      out.push(i);
    });
    return out;
  }

  async load(a: string, b: string): Promise<void> {
    const seq = ++this.seq;
    if (a !== this.a || b !== this.b) {
      this.result = null;
      this.titles = ['', ''];
    }
    this.a = a;
    this.b = b;
    this.loading = true;
    this.error = null;
    try {
      const [r, ta, tb] = await Promise.all([
        this.api.compare(a, b, { by: this.by, ignore_minor: this.hideMinor }),
        this.api.getArticle(a).then((d) => d.title),
        this.api.getArticle(b).then((d) => d.title),
      ]);
      if (seq !== this.seq) return;
      this.result = r;
      this.titles = [ta, tb];
      this.current = -1;
    } catch (e) {
      if (seq !== this.seq) return;
      this.result = null;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  setOptions(o: { by?: Granularity; hideMinor?: boolean }): Promise<void> {
    if (o.by !== undefined) this.by = o.by;
    if (o.hideMinor !== undefined) this.hideMinor = o.hideMinor;
    return this.load(this.a, this.b);
  }

  // step moves to the next (+1) or previous (-1) change, wrapping around,
  // and returns the op index to show, or -1 when there is no change.
  step(dir: 1 | -1): number {
    const ch = this.changes();
    if (ch.length === 0) return -1;
    this.current = this.current < 0 ? (dir > 0 ? 0 : ch.length - 1) : (this.current + dir + ch.length) % ch.length;
    return ch[this.current];
  }

  swap(): Promise<void> {
    return this.load(this.b, this.a);
  }
}

export const compare = new CompareStore();
