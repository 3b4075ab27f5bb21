import { AppError, toAppError } from './errors';
import type { Call, Transport, Unsubscribe } from './transport';

type Fetch = typeof fetch;
type EventSourceCtor = new (url: string) => EventSource;

export interface HttpOptions {
  base?: string; // prefix of every URL, '' for the page's own origin
  token?: string; // sent as a bearer token (and as ?token= on the event stream)
  fetch?: Fetch;
  EventSource?: EventSourceCtor;
}

// HttpTransport talks to `storydiff serve`. Every failure, HTTP or network,
// comes out as an AppError.
export class HttpTransport implements Transport {
  readonly kind = 'http' as const;
  private readonly base: string;
  readonly token: string;
  private readonly fetchFn: Fetch;
  private readonly ES: EventSourceCtor | undefined;
  private source: EventSource | null = null;
  private opened: Promise<void> | null = null;
  private readonly handlers = new Map<string, Set<(data: unknown) => void>>();

  constructor(opts: HttpOptions = {}) {
    this.base = opts.base ?? '';
    this.token = opts.token ?? '';
    this.fetchFn = opts.fetch ?? ((...a: Parameters<Fetch>) => fetch(...a));
    this.ES = opts.EventSource ?? (typeof EventSource !== 'undefined' ? EventSource : undefined);
  }

  url(path: string, query?: Record<string, string | number | boolean | undefined | null>): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null || v === '') continue;
      params.set(k, String(v));
    }
    const qs = params.toString();
    return this.base + path + (qs ? '?' + qs : '');
  }

  async call<T>(c: Call): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers['Authorization'] = 'Bearer ' + this.token;
    const init: RequestInit = { method: c.http.method, headers, credentials: 'same-origin' };
    if (c.http.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(c.http.body);
    }
    let res: Response;
    try {
      res = await this.fetchFn(this.url(c.http.path, c.http.query), init);
    } catch (e) {
      throw toAppError(e);
    }
    let body: unknown = null;
    const text = await res.text().catch(() => '');
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (!res.ok) {
      const err = toAppError(body);
      // A body without our error shape (a proxy page, say) still gets a code from the status.
      if (err.code === 'internal' && (body === null || typeof body !== 'object' || !('error' in body))) {
        throw new AppError(statusCode(res.status), statusMessage(res.status));
      }
      throw err;
    }
    return body as T;
  }

  subscribe(event: string, handler: (data: unknown) => void): Unsubscribe {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
      this.open()?.addEventListener(event, (ev) => this.dispatch(event, (ev as MessageEvent).data));
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  private open(): EventSource | null {
    if (this.source || !this.ES) return this.source;
    const source = new this.ES(this.url('/api/events', { token: this.token || undefined }));
    this.source = source;
    // Connected, failed, or given up on after a few seconds: a job is never
    // held back for long by a stream that does not answer.
    this.opened = new Promise((resolve) => {
      source.addEventListener?.('open', () => resolve(), { once: true });
      source.addEventListener?.('error', () => resolve(), { once: true });
      setTimeout(resolve, 3000);
    });
    return this.source;
  }

  // ready resolves once the event stream is connected. The server sends a
  // job's events only to streams connected when it emits them: a job started
  // in the moment the stream opens (the first after a page load) could end
  // unheard, and its view would wait for it forever.
  ready(): Promise<void> {
    this.open();
    return this.opened ?? Promise.resolve();
  }

  private dispatch(event: string, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return; // a malformed event is dropped rather than crashing listeners
    }
    for (const h of this.handlers.get(event) ?? []) h(data);
  }
}

function statusCode(status: number): AppError['code'] {
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

function statusMessage(status: number): string {
  if (status === 401 || status === 403) return 'Access denied: open the address printed by storydiff serve';
  if (status === 404) return 'Not found';
  if (status === 502 || status === 503 || status === 504) return 'The StoryDiff service cannot be reached';
  if (status >= 500) return 'Internal error';
  return 'Invalid request';
}
