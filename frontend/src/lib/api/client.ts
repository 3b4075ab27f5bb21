import { AppError, toAppError } from './errors';
import { HttpTransport } from './http';
import type { Transport, Unsubscribe } from './transport';
import { WailsTransport, hasWails, type WailsGlobals } from './wails';
import type { ArticleDetail, ArticlePage, Facets, JobDone, ListQuery, Progress, SearchHit } from './types';

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
