import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { QuoteEntry } from '../api/types';
import type { Mark } from '../text';

// QuotesStore holds the quotes of one article or one story, each with the
// articles that carry it. Only the answer to the latest load is kept.
export class QuotesStore {
  key = $state('');
  entries = $state.raw<QuoteEntry[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  async load(q: { ref?: string; story?: number }): Promise<void> {
    const key = q.ref ? 'a' + q.ref : 's' + q.story;
    const seq = ++this.seq;
    if (key !== this.key) {
      this.entries = [];
      this.loaded = false;
    }
    this.key = key;
    this.loading = true;
    this.error = null;
    try {
      const entries = await this.api.quotes(q);
      if (seq !== this.seq) return;
      this.entries = entries;
      this.loaded = true;
    } catch (e) {
      if (seq !== this.seq) return;
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

// The quotes of the article being read; its text marks their spans.
export const articleQuotes = new QuotesStore();

// quoteMarks are the spans of article's own quotes, to highlight in its
// text (a plain mark: no passage number, which would make it a repeat).
export function quoteMarks(entries: readonly QuoteEntry[], article: number): Mark[] {
  return entries.flatMap((e) =>
    e.articles.filter((a) => a.article === article).map((a) => ({ kind: 'quote', start: a.start, end: a.end })),
  );
}

// firstAmong is the earliest of a quote's carriers that is one of members
// (the versions of a story): carriers come first-printed first.
export function firstAmong(e: QuoteEntry, members: ReadonlySet<number>): number | null {
  return e.articles.find((a) => members.has(a.article))?.article ?? null;
}
