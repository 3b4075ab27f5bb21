import { AppError, toAppError } from './errors';
import { HttpTransport } from './http';
import type { Transport, Unsubscribe } from './transport';
import { WailsTransport, hasWails, type WailsGlobals } from './wails';
import type {
  AlignMode,
  ArchiveInfo,
  Overview,
  OverviewRequest,
  ReuseGraph,
  ReuseRequest,
  SampleArchive,
  AlignResult,
  ArticleDetail,
  ArticlePage,
  ArticleRepeats,
  Comparison,
  CompareOptions,
  Correction,
  Collation,
  EditField,
  EditRequest,
  Item,
  Note,
  TagCount,
  DuplicateGroup,
  DuplicateQueue,
  GroupVerdict,
  QueueShow,
  SeveralPathsPage,
  Event,
  Explanation,
  Facets,
  JobDone,
  ListQuery,
  Pair,
  Progress,
  QuoteEntry,
  ReportRequest,
  SearchExportFormat,
  SearchHit,
  SearchPage,
  SearchRequest,
  Story,
  Thread,
  ThreadView,
} from './types';

// Api is the only way the UI reaches the app service. Each method names its
// Wails binding and its HTTP route side by side; add a method here (and the
// matching binding and route in Go) to extend the UI.
export class Api {
  constructor(readonly transport: Transport) {}

  get inWindow(): boolean {
    return this.transport.kind === 'wails';
  }

  listArticles(q: ListQuery): Promise<ArticlePage> {
    return this.transport.call<ArticlePage>({
      binding: 'ListArticles',
      args: [q],
      http: { method: 'GET', path: '/api/articles', query: { ...q } },
    });
  }

  getArticle(ref: string): Promise<ArticleDetail> {
    return this.transport.call<ArticleDetail>({
      binding: 'GetArticle',
      args: [ref],
      http: { method: 'GET', path: '/api/articles/' + encodeURIComponent(ref) },
    });
  }

  async search(q: string, limit = 50): Promise<SearchHit[]> {
    const hits = await this.transport.call<SearchHit[] | null>({
      binding: 'Search',
      args: [q, limit],
      http: { method: 'GET', path: '/api/search', query: { q, limit } },
    });
    return hits ?? [];
  }

  // searchPage runs a search with the library's filters: one page of hits
  // and how many match in all.
  async searchPage(req: SearchRequest): Promise<SearchPage> {
    const p = await this.transport.call<SearchPage | null>({
      binding: 'SearchArticles',
      args: [{ ...req }],
      http: { method: 'GET', path: '/api/search/page', query: { ...req } },
    });
    return { total: p?.total ?? 0, offset: p?.offset ?? 0, hits: p?.hits ?? [], variants: p?.variants ?? null };
  }

  // searchExportUrl is where the browser downloads every hit of a search
  // (null in the window, which has no download links).
  searchExportUrl(req: SearchRequest, format: SearchExportFormat): string | null {
    if (!(this.transport instanceof HttpTransport)) return null;
    return this.transport.url('/api/search/export', {
      q: req.q,
      outlet: req.outlet,
      language: req.language,
      from: req.from,
      to: req.to,
      badge: req.badge,
      tag: req.tag,
      format,
      token: this.transport.token || undefined,
    });
  }

  // editArticle changes an article's title, date or outlet (the imported
  // values are kept) and returns it as it is now.
  editArticle(ref: string, edit: EditRequest): Promise<ArticleDetail> {
    return this.transport.call<ArticleDetail>({
      binding: 'EditArticle',
      args: [ref, edit],
      http: { method: 'POST', path: '/api/edit', body: { ref, ...edit } },
    });
  }

  revertArticle(ref: string, fields: (EditField | 'all')[]): Promise<ArticleDetail> {
    return this.transport.call<ArticleDetail>({
      binding: 'RevertArticle',
      args: [ref, fields],
      http: { method: 'POST', path: '/api/revert', body: { ref, fields } },
    });
  }

  // tagItem adds tags to an article or an event (or takes them off) and
  // returns its tags.
  async tagItem(item: Item, tags: string[], remove = false): Promise<string[]> {
    const r = await this.transport.call<string[] | null>({
      binding: 'TagItem',
      args: [item, tags, remove],
      http: { method: 'POST', path: '/api/tags', body: { ...item, tags, remove } },
    });
    return r ?? [];
  }

  // setNote writes the note on an item ('' removes it).
  async setNote(item: Item, text: string): Promise<Note | null> {
    const r = await this.transport.call<Note | null>({
      binding: 'SetNote',
      args: [item, text],
      http: { method: 'POST', path: '/api/note', body: { ...item, text } },
    });
    return r ?? null;
  }

  async tags(): Promise<TagCount[]> {
    const r = await this.transport.call<TagCount[] | null>({ binding: 'Tags', args: [], http: { method: 'GET', path: '/api/tags' } });
    return r ?? [];
  }

  facets(): Promise<Facets> {
    return this.transport.call<Facets>({ binding: 'Facets', args: [], http: { method: 'GET', path: '/api/facets' } });
  }

  async startImport(paths: string[]): Promise<string> {
    const r = await this.transport.call<{ jobId: string }>({
      binding: 'StartImport',
      args: [paths],
      http: { method: 'POST', path: '/api/import', body: { paths } },
    });
    return r.jobId;
  }

  async cancelJob(id: string): Promise<void> {
    await this.transport.call<unknown>({
      binding: 'CancelJob',
      args: [id],
      http: { method: 'POST', path: '/api/jobs/' + encodeURIComponent(id) + '/cancel' },
    });
  }

  // chooseFolder opens the native folder dialog; only the desktop window has
  // one, so in the browser it says so instead of failing silently.
  async chooseFolder(): Promise<string> {
    if (!this.inWindow) throw new AppError('invalid', 'Type a folder path: the browser cannot open a folder dialog');
    return this.transport.call<string>({
      binding: 'ChooseFolder',
      args: [],
      http: { method: 'GET', path: '/api/unsupported' },
    });
  }

  async startAnalyze(full = false): Promise<string> {
    const r = await this.transport.call<{ jobId: string }>({
      binding: 'StartAnalyze',
      args: [full],
      http: { method: 'POST', path: '/api/analyze', body: { full } },
    });
    return r.jobId;
  }

  async repeats(ref: string): Promise<ArticleRepeats | null> {
    const r = await this.transport.call<ArticleRepeats[] | null>({
      binding: 'Repeats',
      args: [ref],
      http: { method: 'GET', path: '/api/repeats', query: { ref } },
    });
    return r?.[0] ?? null;
  }

  async similar(ref: string): Promise<Pair[]> {
    const r = await this.transport.call<Pair[] | null>({
      binding: 'Similar',
      args: [ref],
      http: { method: 'GET', path: '/api/similar', query: { ref } },
    });
    return r ?? [];
  }

  storyOf(ref: string): Promise<Story | null> {
    return this.transport.call<Story | null>({
      binding: 'StoryOf',
      args: [ref],
      http: { method: 'GET', path: '/api/story', query: { ref } },
    });
  }

  // stories lists limit stories from offset (limit 0: all of them).
  async stories(offset = 0, limit = 0): Promise<Story[]> {
    const r = await this.transport.call<Story[] | null>({
      binding: 'Stories',
      args: [offset, limit],
      http: { method: 'GET', path: '/api/stories', query: { offset: offset || undefined, limit: limit || undefined } },
    });
    return r ?? [];
  }

  // events lists limit events from offset, the largest first; q, when not
  // empty, keeps those whose label or member titles match.
  async events(q = '', offset = 0, limit = 0): Promise<Event[]> {
    const r = await this.transport.call<Event[] | null>({
      binding: 'Events',
      args: [q, offset, limit],
      http: {
        method: 'GET',
        path: '/api/events',
        query: { q: q || undefined, offset: offset || undefined, limit: limit || undefined },
      },
    });
    return r ?? [];
  }

  // event returns one event; a retired id answers with the event it was
  // merged into (whose id differs from the one asked for).
  event(id: number): Promise<Event> {
    return this.transport.call<Event>({
      binding: 'Event',
      args: [id],
      http: { method: 'GET', path: '/api/events/' + encodeURIComponent(String(id)) },
    });
  }

  // eventOf returns the event an article belongs to, null if none.
  async eventOf(ref: string): Promise<Event | null> {
    const r = await this.transport.call<Event | null>({
      binding: 'EventOf',
      args: [ref],
      http: { method: 'GET', path: '/api/event', query: { ref } },
    });
    return r ?? null;
  }

  async threads(q = '', offset = 0, limit = 0): Promise<Thread[]> {
    const r = await this.transport.call<Thread[] | null>({
      binding: 'Threads',
      args: [q, offset, limit],
      http: {
        method: 'GET',
        path: '/api/threads',
        query: { q: q || undefined, offset: offset || undefined, limit: limit || undefined },
      },
    });
    return r ?? [];
  }

  thread(id: number): Promise<ThreadView> {
    return this.transport.call<ThreadView>({
      binding: 'Thread',
      args: [id],
      http: { method: 'GET', path: '/api/threads/' + encodeURIComponent(String(id)) },
    });
  }

  // explain scores two articles as one event and lists the evidence.
  explain(a: string, b: string): Promise<Explanation> {
    return this.transport.call<Explanation>({
      binding: 'Explain',
      args: [a, b],
      http: { method: 'GET', path: '/api/explain', query: { a, b } },
    });
  }

  // related lists the articles closest to ref as one event, best first.
  async related(ref: string, limit = 10): Promise<Explanation[]> {
    const r = await this.transport.call<Explanation[] | null>({
      binding: 'Related',
      args: [ref, limit],
      http: { method: 'GET', path: '/api/related', query: { ref, limit } },
    });
    return r ?? [];
  }

  // correct records a correction of events and returns the events it
  // touched, as they now are.
  async correct(c: Correction): Promise<Event[]> {
    const r = await this.transport.call<Event[] | null>({
      binding: 'Correct',
      args: [c],
      http: { method: 'POST', path: '/api/corrections', body: c },
    });
    return r ?? [];
  }

  async corrections(): Promise<Correction[]> {
    const r = await this.transport.call<Correction[] | null>({
      binding: 'Corrections',
      args: [],
      http: { method: 'GET', path: '/api/corrections' },
    });
    return r ?? [];
  }

  // duplicateGroups lists limit groups from offset (limit 0: all of them).
  async duplicateGroups(minSimilarity: number | null, offset = 0, limit = 0): Promise<DuplicateGroup[]> {
    const min = minSimilarity ?? -1;
    const r = await this.transport.call<DuplicateGroup[] | null>({
      binding: 'DuplicateGroups',
      args: [min, offset, limit],
      http: {
        method: 'GET',
        path: '/api/duplicates',
        query: { min: min < 0 ? undefined : min, offset: offset || undefined, limit: limit || undefined },
      },
    });
    return r ?? [];
  }

  // duplicateQueue lists one page of the review queue with its totals.
  duplicateQueue(minSimilarity: number | null, show: QueueShow, offset: number, limit: number): Promise<DuplicateQueue> {
    const min = minSimilarity ?? -1;
    return this.transport.call<DuplicateQueue>({
      binding: 'DuplicateQueue',
      args: [min, show, offset, limit],
      http: {
        method: 'GET',
        path: '/api/duplicates/queue',
        query: { min: min < 0 ? undefined : min, show, offset: offset || undefined, limit: limit || undefined },
      },
    });
  }

  // severalPaths lists the articles found at more than one path.
  severalPaths(offset: number, limit: number): Promise<SeveralPathsPage> {
    return this.transport.call<SeveralPathsPage>({
      binding: 'SeveralPaths',
      args: [offset, limit],
      http: { method: 'GET', path: '/api/duplicates/paths', query: { offset: offset || undefined, limit: limit || undefined } },
    });
  }

  // reviewDuplicates records a verdict on the group of exactly articles;
  // verdict '' forgets it, keep then restores the copy kept before (undo).
  async reviewDuplicates(articles: number[], verdict: GroupVerdict | '', keep = 0): Promise<void> {
    await this.transport.call<unknown>({
      binding: 'ReviewDuplicates',
      args: [articles, verdict, keep],
      http: { method: 'POST', path: '/api/duplicates/review', body: { articles, verdict, keep } },
    });
  }

  compare(a: string, b: string, opt: CompareOptions): Promise<Comparison> {
    return this.transport.call<Comparison>({
      binding: 'Compare',
      args: [a, b, opt],
      http: { method: 'GET', path: '/api/compare', query: { a, b, by: opt.by, ignore_minor: opt.ignore_minor } },
    });
  }

  // align compares a with b row by row; mode null lets the service choose
  // (the word diff for near-duplicates, aligned sentences otherwise).
  align(a: string, b: string, mode: AlignMode | null = null): Promise<AlignResult> {
    return this.transport.call<AlignResult>({
      binding: 'Align',
      args: [a, b, { mode: mode ?? '' }],
      http: { method: 'GET', path: '/api/align', query: { a, b, mode: mode ?? undefined } },
    });
  }

  collation(story: number): Promise<Collation> {
    return this.transport.call<Collation>({
      binding: 'Collation',
      args: [story],
      http: { method: 'GET', path: '/api/collation', query: { story } },
    });
  }

  // quotes lists the quotes of an article (ref), of a story (story), or
  // else limit quotes from offset of those carried by the most articles.
  async quotes(q: { ref?: string; story?: number; offset?: number; limit?: number }): Promise<QuoteEntry[]> {
    const r = await this.transport.call<QuoteEntry[] | null>({
      binding: 'Quotes',
      args: [q.ref ?? '', q.story ?? 0, q.offset ?? 0, q.limit ?? 0],
      http: {
        method: 'GET',
        path: '/api/quotes',
        query: { ref: q.ref || undefined, story: q.story || undefined, offset: q.offset || undefined, limit: q.limit || undefined },
      },
    });
    return r ?? [];
  }

  // keep saves which copy of a duplicate group the researcher keeps.
  async keep(article: number, group: number[]): Promise<void> {
    await this.transport.call<unknown>({
      binding: 'Keep',
      args: [String(article), group],
      http: { method: 'POST', path: '/api/keep', body: { article: String(article), group } },
    });
  }

  async judge(a: string, b: string, relation: 'duplicate' | 'story', same: boolean, note = ''): Promise<void> {
    await this.transport.call<unknown>({
      binding: 'Judge',
      args: [a, b, relation, same, note],
      http: { method: 'POST', path: '/api/judge', body: { a, b, relation, same, note } },
    });
  }

  // reportUrl is where the browser downloads a report (null in the window,
  // which saves through the native dialog with exportReport instead).
  reportUrl(req: ReportRequest): string | null {
    if (!(this.transport instanceof HttpTransport)) return null;
    return this.transport.url('/api/report', {
      kind: req.kind,
      format: req.format,
      a: req.refs?.[0],
      b: req.refs?.[1],
      story: req.story_id,
      min: req.min_similarity,
      align: req.align,
      by: req.compare?.by,
      ignore_minor: req.compare?.ignore_minor,
      full: req.full ? 1 : undefined,
      token: this.transport.token || undefined,
    });
  }

  // exportReport saves a report with the window's native dialog; it
  // resolves with the job id, or null when the user closed the dialog.
  async exportReport(req: ReportRequest): Promise<string | null> {
    const r = await this.transport.call<{ jobId: string } | null>({
      binding: 'ExportReport',
      args: [req],
      http: { method: 'GET', path: '/api/unsupported' },
    });
    return r?.jobId ?? null;
  }

  // archive says which archive the interface shows (the user's or the sample).
  archive(): Promise<ArchiveInfo> {
    return this.transport.call<ArchiveInfo>({ binding: 'Archive', args: [], http: { method: 'GET', path: '/api/archive' } });
  }

  // openSample makes (on first use) and shows the sample archive beside the
  // user's, whose own archive is never written.
  openSample(): Promise<SampleArchive> {
    return this.transport.call<SampleArchive>({ binding: 'OpenSample', args: [], http: { method: 'POST', path: '/api/sample' } });
  }

  leaveSample(): Promise<ArchiveInfo> {
    return this.transport.call<ArchiveInfo>({
      binding: 'LeaveSample',
      args: [],
      http: { method: 'POST', path: '/api/sample/leave' },
    });
  }

  // reuse is the graph of an event's, a thread's or a search's versions and
  // what they share: the timeline and the reuse network draw it.
  async reuse(req: ReuseRequest): Promise<ReuseGraph> {
    const g = await this.transport.call<ReuseGraph>({
      binding: 'Reuse',
      args: [{ event: req.event ?? 0, thread: req.thread ?? 0, query: req.query ?? '', limit: req.limit ?? 0 }],
      http: {
        method: 'GET',
        path: '/api/reuse',
        query: { event: req.event || undefined, thread: req.thread || undefined, q: req.query || undefined, limit: req.limit || undefined },
      },
    });
    return { ...g, articles: g.articles ?? [], links: g.links ?? [] };
  }

  overview(req: OverviewRequest): Promise<Overview> {
    return this.transport.call<Overview>({
      binding: 'Overview',
      args: [req],
      http: {
        method: 'GET',
        path: '/api/overview',
        query: { period: req.period, split: req.split, outlet: req.outlet || undefined, language: req.language || undefined },
      },
    });
  }

  // ready resolves once job events can be heard (see HttpTransport.ready).
  ready(): Promise<void> {
    return this.transport.ready?.() ?? Promise.resolve();
  }

  onProgress(fn: (p: Progress) => void): Unsubscribe {
    return this.transport.subscribe('job:progress', (d) => fn(d as Progress));
  }

  onDone(fn: (d: JobDone) => void): Unsubscribe {
    return this.transport.subscribe('job:done', (d) => fn(d as JobDone));
  }
}

// jobError turns a job:done event into an AppError, or null when the job
// succeeded. The service already wrote the message for people.
export function jobError(d: JobDone): AppError | null {
  if (!d.error && !d.code) return null;
  return toAppError({ code: d.code || 'internal', message: d.error || '' });
}

function pageToken(loc: Location | undefined): string {
  if (!loc) return '';
  const fromUrl = new URLSearchParams(loc.search).get('token') ?? '';
  try {
    if (fromUrl) sessionStorage.setItem('storydiff-token', fromUrl);
    return fromUrl || sessionStorage.getItem('storydiff-token') || '';
  } catch {
    return fromUrl;
  }
}

// createApi picks the transport: Wails bindings when the runtime is present
// (the desktop window), HTTP otherwise (storydiff serve in a browser).
export function createApi(w: unknown = typeof window !== 'undefined' ? window : undefined): Api {
  if (hasWails(w)) return new Api(new WailsTransport(w as WailsGlobals));
  const loc = (w as { location?: Location } | undefined)?.location;
  return new Api(new HttpTransport({ token: pageToken(loc) }));
}

export const api = createApi();
