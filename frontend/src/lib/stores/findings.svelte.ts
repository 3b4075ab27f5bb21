import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { DuplicateGroup } from '../api/types';

// TitleCache remembers article titles and file locations by id, for views
// that list ids.
export class TitleCache {
  titles = $state.raw<Record<number, string>>({});
  paths = $state.raw<Record<number, string[]>>({});
  constructor(private readonly api: Api = defaultApi) {}

  async want(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !(id in this.titles));
    if (missing.length === 0) return;
    const got = await Promise.all(
      missing.map((id) =>
        this.api
          .getArticle(String(id))
          .then((d) => [id, d.title, (d.locations ?? []).map((l) => l.path)] as const)
          .catch(() => [id, '', [] as string[]] as const),
      ),
    );
    this.titles = { ...this.titles, ...Object.fromEntries(got.map(([id, t]) => [id, t])) };
    this.paths = { ...this.paths, ...Object.fromEntries(got.map(([id, , p]) => [id, p])) };
  }
}

// pageSize is how many groups or stories a view asks for at a time: a large
// archive has tens of thousands of them.
export const pageSize = 100;

// DuplicatesStore lists exact and near-duplicate groups at a similarity
// threshold, a page at a time, and records the researcher's verdicts.
export class DuplicatesStore {
  min = $state<number | null>(null); // null: the service's default
  groups = $state.raw<DuplicateGroup[]>([]);
  more = $state(false); // the last page was full: there may be more
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  verdicts = $state.raw<Record<string, boolean>>({});
  readonly titles: TitleCache;
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {
    this.titles = new TitleCache(api);
  }

  // load lists the first pages again, as many groups as were shown.
  load(): Promise<void> {
    return this.fetch(0, Math.max(pageSize, this.groups.length));
  }

  loadMore(): Promise<void> {
    return this.fetch(this.groups.length, pageSize);
  }

  private async fetch(offset: number, limit: number): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const groups = await this.api.duplicateGroups(this.min, offset, limit);
      if (seq !== this.seq) return;
      this.groups = offset === 0 ? groups : [...this.groups, ...groups];
      this.more = groups.length === limit;
      this.error = null;
      this.loaded = true;
      void this.titles.want(groups.flatMap((g) => g.articles));
    } catch (e) {
      if (seq === this.seq) this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  setMin(min: number): Promise<void> {
    this.min = min;
    return this.fetch(0, pageSize);
  }

  // keep saves which member of a group is the copy to keep.
  async keep(article: number, group: number[]): Promise<void> {
    try {
      await this.api.keep(article, group);
      await this.load();
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  // judge saves "these two are (not) duplicates"; groups are clustered again.
  async judge(a: number, b: number, same: boolean): Promise<void> {
    try {
      await this.api.judge(String(a), String(b), 'duplicate', same);
      this.verdicts = { ...this.verdicts, [a + '-' + b]: same };
      await this.load();
    } catch (e) {
      this.error = toAppError(e);
    }
  }
}

export const duplicates = new DuplicatesStore();
