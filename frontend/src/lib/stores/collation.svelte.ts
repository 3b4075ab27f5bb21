import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { Collation } from '../api/types';

// CollationStore holds one story's collation and which of its rows are
// shown: all, or only those found in a single version.
export class CollationStore {
  story = $state(0);
  result = $state.raw<Collation | null>(null);
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  onlySingles = $state(false);
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  // shown are the indices of the rows the table shows.
  get shown(): number[] {
    const rows = this.result?.rows ?? [];
    const out: number[] = [];
    rows.forEach((r, i) => {
      if (!this.onlySingles || r.count === 1) out.push(i);
    });
    return out;
  }

  get singles(): number {
    return (this.result?.rows ?? []).filter((r) => r.count === 1).length;
  }

  // versionOf is the column of an article, -1 if it is not a version.
  versionOf(article: number): number {
    return this.result?.versions.indexOf(article) ?? -1;
  }

  async load(story: number): Promise<void> {
    const seq = ++this.seq;
    if (story !== this.story) {
      this.result = null;
      this.onlySingles = false;
    }
    this.story = story;
    this.loading = true;
    this.error = null;
    try {
      const r = await this.api.collation(story);
      if (seq !== this.seq) return;
      this.result = r;
    } catch (e) {
      if (seq !== this.seq) return;
      this.result = null;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

export const collation = new CollationStore();
