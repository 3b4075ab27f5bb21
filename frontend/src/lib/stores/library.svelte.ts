import { api as defaultApi, type Api } from '../api/client';
import { toAppError, type AppError } from '../api/errors';
import type { Article, Facets, ListQuery, SearchHit, SearchRequest, SortKey, TagCount } from '../api/types';

export interface LibraryOptions {
  pageSize?: number;
  searchPageSize?: number;
}

// LibraryStore holds the library table's query (sort and filters), the rows
// fetched so far (by page, so a 100,000-row table only holds what was
// scrolled to), and the search-as-you-type results.
export class LibraryStore {
  total = $state(0);
  sort = $state<SortKey>('published');
  desc = $state(true);
  outlet = $state('');
  language = $state('');
  from = $state('');
  to = $state('');
  badge = $state('');
  // tag keeps the articles a researcher tagged so; tags lists them all.
  tag = $state('');
  tags = $state.raw<TagCount[]>([]);
  query = $state('');
  hits = $state.raw<SearchHit[]>([]);
  // hitsTotal is how many articles match the shown search with the filters;
  // variants the other spellings it searched too.
  hitsTotal = $state(0);
  variants = $state.raw<Record<string, string[]>>({});
  loadingMore = $state(false);
  // hitsFor is the text the shown hits answer (it lags query while typing).
  hitsFor = $state('');
  searching = $state(false);
  searchError = $state.raw<AppError | null>(null);
  facets = $state.raw<Facets | null>(null);
  error = $state.raw<AppError | null>(null);
  loaded = $state(false);
  // version changes whenever a page arrives, so row() readers re-render.
  version = $state(0);

  readonly pageSize: number;
  private pages = new Map<number, Article[]>();
  private inflight = new Set<number>();
  private generation = 0;
  private searchSeq = 0;
  private appliedSeq = 0;
  private running: Promise<void> | null = null;
  private pending: { text: string; seq: number } | null = null;

  constructor(
    private readonly api: Api = defaultApi,
    opts: LibraryOptions = {},
  ) {
    this.pageSize = opts.pageSize ?? 200;
    this.searchPageSize = opts.searchPageSize ?? 50;
  }

  readonly searchPageSize: number;

  // searchRequest is the search for text with the filters set now.
  searchRequest(text: string, offset = 0): SearchRequest {
    return {
      q: text,
      offset,
      limit: this.searchPageSize,
      prefix: true,
      outlet: this.outlet || undefined,
      language: this.language || undefined,
      from: this.from || undefined,
      to: this.to || undefined,
      badge: this.badge || undefined,
      tag: this.tag || undefined,
    };
  }

  // exportUrl downloads every hit of the shown search (null in the window).
  exportUrl(format: 'csv' | 'json'): string | null {
    if (this.hitsFor.trim() === '') return null;
    return this.api.searchExportUrl(this.searchRequest(this.hitsFor), format);
  }

  // moreHits appends the next page of the shown search.
  async moreHits(): Promise<void> {
    if (this.loadingMore || this.hits.length >= this.hitsTotal || this.hitsFor === '') return;
    const seq = this.appliedSeq;
    const text = this.hitsFor;
    this.loadingMore = true;
    try {
      const page = await this.api.searchPage(this.searchRequest(text, this.hits.length));
      if (seq !== this.appliedSeq || text !== this.hitsFor) return; // another search since
      this.hits = [...this.hits, ...page.hits];
      this.hitsTotal = page.total;
    } catch (e) {
      if (seq === this.appliedSeq) this.searchError = toAppError(e);
    } finally {
      this.loadingMore = false;
    }
  }

  listQuery(offset: number): ListQuery {
    return {
      offset,
      limit: this.pageSize,
      sort: this.sort,
      desc: this.desc,
      outlet: this.outlet || undefined,
      language: this.language || undefined,
      from: this.from || undefined,
      to: this.to || undefined,
      badge: this.badge || undefined,
      tag: this.tag || undefined,
    };
  }

  // row returns the article at index i, or undefined while its page loads.
  row(i: number): Article | undefined {
    void this.version;
    return this.pages.get(Math.floor(i / this.pageSize))?.[i % this.pageSize];
  }

  // reload drops every fetched page and loads the first one again; called
  // when the sort or a filter changes, or after an import.
  async reload(): Promise<void> {
    this.generation++;
    this.pages = new Map();
    this.inflight = new Set();
    this.version++;
    await Promise.all([this.loadPage(0), this.loadFacets()]);
  }

  async loadFacets(): Promise<void> {
    void this.loadTags();
    try {
      this.facets = await this.api.facets();
    } catch (e) {
      this.error = toAppError(e);
    }
  }

  // loadTags lists the tags for the filter; the filter is only offered
  // again by the next load when this fails, and the library still shows.
  async loadTags(): Promise<void> {
    try {
      this.tags = await this.api.tags();
    } catch {
      this.tags = [];
    }
  }

  // ensure fetches the pages covering rows [start, end).
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.max(0, Math.floor(start / this.pageSize));
    const last = Math.floor(Math.max(start, end - 1) / this.pageSize);
    const jobs: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      if (p * this.pageSize >= this.total && this.loaded) break;
      jobs.push(this.loadPage(p));
    }
    await Promise.all(jobs);
  }

  private async loadPage(p: number): Promise<void> {
    if (this.pages.has(p) || this.inflight.has(p)) return;
    const gen = this.generation;
    this.inflight.add(p);
    try {
      const page = await this.api.listArticles(this.listQuery(p * this.pageSize));
      if (gen !== this.generation) return; // the query changed meanwhile
      this.pages.set(p, page.articles ?? []);
      this.total = page.total;
      this.loaded = true;
      this.error = null;
      this.version++;
    } catch (e) {
      if (gen === this.generation) this.error = toAppError(e);
    } finally {
      if (gen === this.generation) this.inflight.delete(p);
    }
  }

  setSort(key: SortKey): Promise<void> {
    if (this.sort === key) {
      this.desc = !this.desc;
    } else {
      this.sort = key;
      // Dates and sizes read best newest/largest first; names from A.
      this.desc = key === 'published' || key === 'words';
    }
    return this.reload();
  }

  setFilter(f: Partial<Pick<LibraryStore, 'outlet' | 'language' | 'from' | 'to' | 'badge' | 'tag'>>): Promise<void> {
    if (f.tag !== undefined) this.tag = f.tag;
    if (f.outlet !== undefined) this.outlet = f.outlet;
    if (f.language !== undefined) this.language = f.language;
    if (f.from !== undefined) this.from = f.from;
    if (f.to !== undefined) this.to = f.to;
    if (f.badge !== undefined) this.badge = f.badge;
    // A search shown keeps to the filters too.
    const again = this.query.trim() !== '' ? this.type(this.query) : Promise.resolve();
    return Promise.all([this.reload(), again]).then(() => undefined);
  }

  // type records the search box as the user types. A search starts at once
  // when none is running; keystrokes made while one runs are coalesced into
  // one search for the latest text, sent when it returns. So results follow
  // typing as fast as the archive answers, without a fixed delay and without
  // a queue of stale requests; an older answer never replaces a newer one.
  type(text: string): Promise<void> {
    this.query = text;
    const seq = ++this.searchSeq;
    if (text.trim() === '') {
      this.pending = null;
      this.hits = [];
      this.hitsTotal = 0;
      this.variants = {};
      this.hitsFor = '';
      this.searching = false;
      this.searchError = null;
      return this.running ?? Promise.resolve();
    }
    this.searching = true;
    if (this.running) {
      this.pending = { text, seq };
      return this.running;
    }
    this.running = this.runSearches({ text, seq }).finally(() => (this.running = null));
    return this.running;
  }

  private async runSearches(next: { text: string; seq: number } | null): Promise<void> {
    while (next) {
      await this.runSearch(next.text, next.seq);
      next = this.pending;
      this.pending = null;
    }
  }

  private async runSearch(text: string, seq: number): Promise<void> {
    try {
      const page = await this.api.searchPage(this.searchRequest(text));
      if (seq < this.appliedSeq || this.query.trim() === '') return;
      this.appliedSeq = seq;
      this.hits = page.hits;
      this.hitsTotal = page.total;
      this.variants = page.variants ?? {};
      this.hitsFor = text;
      this.searchError = null;
    } catch (e) {
      if (seq < this.appliedSeq || this.query.trim() === '') return;
      this.appliedSeq = seq;
      this.hits = [];
      this.hitsTotal = 0;
      this.variants = {};
      this.hitsFor = text;
      this.searchError = toAppError(e);
    } finally {
      if (seq === this.searchSeq) this.searching = false;
    }
  }
}

export const library = new LibraryStore();
