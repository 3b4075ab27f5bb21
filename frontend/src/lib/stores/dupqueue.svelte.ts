import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { DuplicateGroup, DuplicateQueue, GroupVerdict, QueueShow, SeveralPathsPage } from '../api/types';
import { debounce, type QueueAction } from '../dupkeys';

// queuePageSize is how many groups the queue shows at a time: an archive
// may hold a hundred thousand of them.
export const queuePageSize = 25;

// sliderWait is how long the slider rests before the queue is asked again.
export const sliderWait = 200;

interface Undo {
  articles: number[];
  verdict: GroupVerdict | '';
  keep: number;
}

// DuplicateQueueStore is the duplicates review queue: one page of groups at
// a threshold, its totals, the focused group and copy, and the verdicts
// given, which the service stores.
export class DuplicateQueueStore {
  min = $state<number | null>(null); // null: the service's default
  show = $state<QueueShow>('unreviewed');
  offset = $state(0);
  queue = $state.raw<DuplicateQueue | null>(null);
  focus = $state(0); // the focused group's index on the page
  copy = $state(0); // the focused copy's index in that group
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  paths = $state.raw<SeveralPathsPage | null>(null);
  undos = $state.raw<Undo[]>([]);
  private seq = 0;
  readonly slide: (min: number) => void;

  constructor(private readonly api: Api = defaultApi) {
    this.slide = debounce((min: number) => void this.setMin(min), sliderWait);
  }

  get groups(): DuplicateGroup[] {
    return this.queue?.groups ?? [];
  }

  get focused(): DuplicateGroup | undefined {
    return this.groups[this.focus];
  }

  // load asks for the current page again.
  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading = true;
    try {
      let q = await this.api.duplicateQueue(this.min, this.show, this.offset, queuePageSize);
      if (q.groups.length === 0 && this.offset > 0 && q.total > 0) {
        // The last groups of the last page were reviewed away.
        this.offset = Math.max(0, Math.floor((q.total - 1) / queuePageSize) * queuePageSize);
        q = await this.api.duplicateQueue(this.min, this.show, this.offset, queuePageSize);
      }
      if (seq !== this.seq) return;
      this.queue = q;
      this.focus = Math.min(this.focus, Math.max(0, q.groups.length - 1));
      this.copy = Math.min(this.copy, Math.max(0, (q.groups[this.focus]?.articles.length ?? 1) - 1));
      this.error = null;
    } catch (e) {
      if (seq === this.seq) this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  // setMin asks for the first page at a new threshold.
  setMin(min: number): Promise<void> {
    this.min = min;
    return this.restart();
  }

  setShow(show: QueueShow): Promise<void> {
    this.show = show;
    return this.restart();
  }

  toggleReviewed(): Promise<void> {
    return this.setShow(this.show === 'unreviewed' ? 'all' : 'unreviewed');
  }

  private restart(): Promise<void> {
    this.offset = 0;
    this.focus = 0;
    this.copy = 0;
    return this.load();
  }

  goToPage(offset: number): Promise<void> {
    this.offset = Math.max(0, offset);
    this.focus = 0;
    this.copy = 0;
    return this.load();
  }

  // move focuses the next (+1) or previous (-1) group, turning the page
  // at its ends.
  async move(step: 1 | -1): Promise<void> {
    const n = this.groups.length;
    const to = this.focus + step;
    this.copy = 0;
    if (to >= 0 && to < n) {
      this.focus = to;
      return;
    }
    const total = this.queue?.total ?? 0;
    if (step > 0 && this.offset + n < total) {
      await this.goToPage(this.offset + queuePageSize);
    } else if (step < 0 && this.offset > 0) {
      await this.goToPage(this.offset - queuePageSize);
      this.focus = Math.max(0, this.groups.length - 1);
    }
  }

  moveCopy(step: 1 | -1): void {
    const n = this.focused?.articles.length ?? 0;
    this.copy = Math.min(Math.max(this.copy + step, 0), Math.max(0, n - 1));
  }

  // review records a verdict on the focused group (or the one at index),
  // then focuses the next unreviewed group.
  async review(verdict: GroupVerdict, keep = 0, index = this.focus): Promise<void> {
    const g = this.groups[index];
    if (!g || g.several_paths) return;
    if (verdict === 'duplicates' && keep === 0) keep = g.keep ?? 0; // a verdict keeps the copy kept
    const undo: Undo = { articles: g.articles, verdict: g.review?.verdict ?? '', keep: g.keep ?? 0 };
    try {
      await this.api.reviewDuplicates(g.articles, verdict, keep);
    } catch (e) {
      this.error = toAppError(e);
      return;
    }
    this.undos = [...this.undos, undo];
    this.focus = index;
    await this.load();
    if (this.show !== 'unreviewed') this.focusNextUnreviewed(index);
    this.copy = 0;
  }

  keepCopy(index = this.focus, copy = this.copy): Promise<void> {
    const id = this.groups[index]?.articles[copy];
    return id === undefined ? Promise.resolve() : this.review('duplicates', id, index);
  }

  // focusNextUnreviewed focuses the first unreviewed group after index on
  // the page, if there is one.
  private focusNextUnreviewed(index: number): void {
    const i = this.groups.findIndex((g, k) => k > index && !g.review);
    if (i >= 0) this.focus = i;
  }

  // undo takes back the last verdict, restoring the group as it was.
  async undo(): Promise<void> {
    const u = this.undos.at(-1);
    if (!u) return;
    try {
      await this.api.reviewDuplicates(u.articles, u.verdict, u.keep);
    } catch (e) {
      this.error = toAppError(e);
      return;
    }
    this.undos = this.undos.slice(0, -1);
    await this.load();
    const i = this.groups.findIndex((g) => g.articles.join() === u.articles.join());
    if (i >= 0) this.focus = i;
  }

  // act does what a key asks.
  act(a: QueueAction): Promise<void> {
    switch (a) {
      case 'next':
        return this.move(1);
      case 'prev':
        return this.move(-1);
      case 'nextCopy':
        this.moveCopy(1);
        return Promise.resolve();
      case 'prevCopy':
        this.moveCopy(-1);
        return Promise.resolve();
      case 'keep':
        return this.keepCopy();
      case 'duplicates':
        return this.review('duplicates');
      case 'notDuplicates':
        return this.review('not_duplicates');
      case 'undo':
        return this.undo();
      case 'toggleReviewed':
        return this.toggleReviewed();
    }
  }

  // showPaths lists the articles found at several paths, a page at a time.
  async showPaths(more = false): Promise<void> {
    try {
      const offset = more ? (this.paths?.articles.length ?? 0) : 0;
      const p = await this.api.severalPaths(offset, 100);
      this.paths = more && this.paths ? { ...p, articles: [...this.paths.articles, ...p.articles] } : p;
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  hidePaths(): void {
    this.paths = null;
  }
}

export const dupQueue = new DuplicateQueueStore();
