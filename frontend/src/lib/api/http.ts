import { AppError, toAppError } from './errors';
import type { Call, Transport, Unsubscribe } from './transport';

type Fetch = typeof fetch;
type EventSourceCtor = new (url: string) => EventSource;

export interface HttpOptions {
  base?: string; // prefix of every URL, '' for the page's own origin
  token?: string; // sent as a bearer token (and as ?token= on the event stream)
  fetch?: Fetch;
  EventSource?: EventSourceCtor;
  // locks and channel share one event stream among the tabs of a browser
  // (see EventShare); null keeps a stream per tab. By default the
  // browser's Web Locks and BroadcastChannel, where it has them.
  locks?: LockManagerLike | null;
  channel?: (() => ChannelLike) | null;
}

// The parts of the browser's LockManager and BroadcastChannel used here.
export interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((ev: MessageEvent) => void) | null;
}

// Messages between the tabs of one browser about the event stream.
type ShareMessage =
  | { t: 'event'; event: string; raw: string } // the leader relays an event
  | { t: 'want'; event: string } // a tab listens for an event
  | { t: 'leader' } // a tab holds the stream now: tell it what you want
  | { t: 'ping' } // is the stream connected?
  | { t: 'open' }; // the stream is connected

// The lock whose holder keeps the browser's one event stream.
const streamLock = 'storydiff-event-stream';

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
  // Sharing the stream among tabs: Chromium keeps at most six connections
  // to one host, and a stream holds one for as long as its tab is open, so a
  // seventh tab with its own stream would never load. One tab (the holder
  // of a Web Lock, handed on when it closes) keeps the stream and relays its
  // events to the others over a BroadcastChannel.
  private readonly locks: LockManagerLike | null;
  private readonly makeChannel: (() => ChannelLike) | null;
  private channel: ChannelLike | null = null;
  private leading = false;
  private streamOpen = false;
  private readonly relayed = new Set<string>(); // events the leader's stream listens for
  private readonly wanted = new Set<string>(); // events other tabs asked for
  private heard: (() => void) | null = null;

  constructor(opts: HttpOptions = {}) {
    this.base = opts.base ?? '';
    this.token = opts.token ?? '';
    this.fetchFn = opts.fetch ?? ((...a: Parameters<Fetch>) => fetch(...a));
    this.ES = opts.EventSource ?? (typeof EventSource !== 'undefined' ? EventSource : undefined);
    const nav = typeof navigator !== 'undefined' ? (navigator as { locks?: LockManagerLike }) : undefined;
    this.locks = opts.locks !== undefined ? opts.locks : (nav?.locks ?? null);
    this.makeChannel =
      opts.channel !== undefined
        ? opts.channel
        : typeof BroadcastChannel !== 'undefined'
          ? () => new BroadcastChannel(streamLock) as unknown as ChannelLike
          : null;
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
      if (this.shared()) {
        this.join();
        this.post({ t: 'want', event });
        if (this.leading) this.relay(event);
      } else {
        this.open()?.addEventListener(event, (ev) => this.dispatch(event, (ev as MessageEvent).data));
      }
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  private shared(): boolean {
    return this.locks !== null && this.makeChannel !== null && this.ES !== undefined;
  }

  // join enters the tabs' sharing: listen to the channel, and queue for the
  // lock; the tab that gets it opens the stream and keeps it until it closes.
  private join(): void {
    if (this.channel) return;
    this.channel = this.makeChannel!();
    this.channel.onmessage = (ev) => this.receive(ev.data as ShareMessage);
    this.opened = new Promise((resolve) => (this.heard = resolve));
    void this.locks!.request(streamLock, () => {
      this.lead();
      return new Promise(() => {}); // held for the life of the tab
    });
  }

  private lead(): void {
    this.leading = true;
    const source = this.open();
    source?.addEventListener?.('open', () => {
      this.streamOpen = true;
      this.post({ t: 'open' });
    });
    source?.addEventListener?.('error', () => (this.streamOpen = false));
    for (const event of [...this.handlers.keys(), ...this.wanted]) this.relay(event);
    this.post({ t: 'leader' });
  }

  // relay makes the leader's stream hear event, for this tab and the others.
  private relay(event: string): void {
    if (this.relayed.has(event) || !this.source) return;
    this.relayed.add(event);
    this.source.addEventListener(event, (ev) => {
      const raw = (ev as MessageEvent).data as string;
      this.dispatch(event, raw);
      this.post({ t: 'event', event, raw });
    });
  }

  private receive(m: ShareMessage): void {
    switch (m?.t) {
      case 'event':
        if (!this.leading) this.dispatch(m.event, m.raw);
        break;
      case 'want':
        this.wanted.add(m.event);
        if (this.leading) this.relay(m.event);
        break;
      case 'leader':
        for (const event of this.handlers.keys()) this.post({ t: 'want', event });
        break;
      case 'ping':
        if (this.leading && this.streamOpen) this.post({ t: 'open' });
        break;
      case 'open':
        this.heard?.();
        break;
    }
  }

  private post(m: ShareMessage): void {
    this.channel?.postMessage(m);
  }

  private open(): EventSource | null {
    if (this.source || !this.ES) return this.source;
    const source = new this.ES(this.url('/api/events', { token: this.token || undefined }));
    this.source = source;
    // Connected, failed, or given up on after a few seconds: a job is never
    // held back for long by a stream that does not answer.
    const opened = new Promise<void>((resolve) => {
      source.addEventListener?.('open', () => resolve(), { once: true });
      source.addEventListener?.('error', () => resolve(), { once: true });
      setTimeout(resolve, 3000);
    });
    if (this.heard) void opened.then(this.heard);
    else this.opened = opened;
    return this.source;
  }

  // ready resolves once the event stream is connected. The server sends a
  // job's events only to streams connected when it emits them: a job started
  // in the moment the stream opens (the first after a page load) could end
  // unheard, and its view would wait for it forever. A tab that does not
  // hold the stream asks the one that does, and waits at most a few seconds.
  ready(): Promise<void> {
    if (!this.shared()) {
      this.open();
      return this.opened ?? Promise.resolve();
    }
    this.join();
    if (!this.leading) this.post({ t: 'ping' });
    const opened = this.opened ?? Promise.resolve();
    return Promise.race([opened, new Promise<void>((r) => setTimeout(r, 3000))]);
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
