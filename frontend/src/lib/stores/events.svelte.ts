import { api as defaultApi, type Api } from '../api/client';
import { AppError, toAppError } from '../api/errors';
import type { Correction, Event, EventArticle, Explanation, Thread } from '../api/types';
import { TitleCache, pageSize } from './findings.svelte';

// PagedList lists what the service pages (events, threads), largest first, a
// page at a time, optionally only what matches a search. Only the answer to
// the latest request is kept, so typing quickly never shows an older search.
export class PagedList<T extends { id: number }> {
  q = $state('');
  items = $state.raw<T[]>([]);
  more = $state(false); // the last page was full: there may be more
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  private seq = 0;

  constructor(private readonly fetchPage: (q: string, offset: number, limit: number) => Promise<T[]>) {}

  // load lists the first pages again, as many items as were shown.
  load(): Promise<void> {
    return this.fetch(0, Math.max(pageSize, this.items.length));
  }

  loadMore(): Promise<void> {
    return this.fetch(this.items.length, pageSize);
  }

  // search starts again from the first page, keeping only what matches q.
  search(q: string): Promise<void> {
    this.q = q;
    return this.fetch(0, pageSize);
  }

  private async fetch(offset: number, limit: number): Promise<void> {
    const seq = ++this.seq;
    const q = this.q.trim();
    this.loading = true;
    try {
      const page = await this.fetchPage(q, offset, limit);
      if (seq !== this.seq) return;
      this.items = offset === 0 ? page : [...this.items, ...page];
      this.more = page.length === limit;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (seq === this.seq) this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  // update puts items as they now are in place of the listed ones with the
  // same id, and drops those gone (an event left with no article).
  update(changed: readonly T[], gone: (t: T) => boolean = () => false): void {
    const by = new Map(changed.map((t) => [t.id, t]));
    if (!this.items.some((t) => by.has(t.id))) return;
    this.items = this.items.map((t) => by.get(t.id) ?? t).filter((t) => !gone(t));
  }
}

export function members(e: Event | null | undefined): EventArticle[] {
  return e?.articles ?? [];
}

// byDate orders versions by publication date, undated ones last, then by id.
export function byDate(list: readonly EventArticle[]): EventArticle[] {
  const t = (a: EventArticle) => {
    const ms = a.published ? Date.parse(a.published) : NaN;
    return Number.isNaN(ms) || ms <= -62135596800000 ? Infinity : ms;
  };
  return [...list].sort((x, y) => t(x) - t(y) || x.id - y.id);
}

// summary is what a list row says about an event: its size, date span,
// outlets and languages.
export function summary(e: Event): { size: number; first: string; last: string; outlets: string[]; languages: string[] } {
  const list = byDate(members(e));
  const dated = list.filter((a) => a.published && !Number.isNaN(Date.parse(a.published)) && Date.parse(a.published) > -62135596800000);
  const distinct = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();
  return {
    size: list.length,
    first: dated[0]?.published ?? '',
    last: dated.at(-1)?.published ?? '',
    outlets: distinct(list.map((a) => a.outlet)),
    languages: distinct(list.map((a) => a.language)),
  };
}

// lead is the version every member is explained against: the earliest.
export function lead(e: Event | null): number {
  if (!e) return 0;
  const list = members(e);
  if (list.some((a) => a.id === e.earliest)) return e.earliest;
  return list.find((a) => a.earliest)?.id ?? byDate(list)[0]?.id ?? 0;
}

const gone = (e: Event) => members(e).length === 0;

// How many members' evidence an event page asks for by itself; the others
// when the researcher opens them.
export const explainAtOnce = 24;

// EventPage is one event's page: its versions, the evidence tying each to
// the lead version, and the corrections a researcher makes there.
export class EventPage {
  id = $state(0); // the id asked for
  event = $state.raw<Event | null>(null);
  loading = $state(false);
  error = $state.raw<AppError | null>(null); // the event could not be shown
  actionError = $state.raw<AppError | null>(null); // a correction failed
  busy = $state(false);
  // Evidence by member id: an explanation, or the error that stopped it.
  explained = $state.raw<Record<number, Explanation | AppError>>({});
  selected = $state.raw<ReadonlySet<number>>(new Set());
  // The other events the last correction changed or made.
  touched = $state.raw<Event[]>([]);
  done = $state(''); // what the last correction did, in words
  private seq = 0;
  private explainedAgainst = 0;

  constructor(
    private readonly api: Api = defaultApi,
    private readonly list: PagedList<Event> | null = null,
  ) {}

  // merged is set when the id asked for was retired by a merge.
  get merged(): { from: number; into: number } | null {
    const e = this.event;
    return e && this.id && e.id !== this.id ? { from: this.id, into: e.id } : null;
  }

  get versions(): EventArticle[] {
    return byDate(members(this.event));
  }

  // patch shows what a tag or note call returned on the event shown.
  patch(p: Pick<Partial<Event>, 'tags' | 'note'>): void {
    if (this.event) this.event = { ...this.event, ...p };
  }

  async load(id: number): Promise<void> {
    const seq = ++this.seq;
    if (id !== this.id) {
      this.event = null;
      this.explained = {};
      this.explainedAgainst = 0;
      this.selected = new Set();
      this.touched = [];
      this.done = '';
      this.actionError = null;
    }
    this.id = id;
    this.loading = true;
    this.error = null;
    try {
      const e = await this.api.event(id);
      if (seq !== this.seq) return;
      this.show(e);
    } catch (err) {
      if (seq !== this.seq) return;
      this.event = null;
      this.error = toAppError(err);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  private show(e: Event): void {
    this.event = e;
    const ids = new Set(members(e).map((a) => a.id));
    this.selected = new Set([...this.selected].filter((id) => ids.has(id)));
    const l = lead(e);
    if (l !== this.explainedAgainst) {
      this.explained = {};
      this.explainedAgainst = l;
    } else {
      // Members that stayed keep their evidence.
      this.explained = Object.fromEntries(Object.entries(this.explained).filter(([k]) => ids.has(Number(k))));
    }
    void this.explainFirst();
  }

  // explainFirst asks for the evidence of the first members in date order.
  private async explainFirst(): Promise<void> {
    const l = lead(this.event);
    const want = this.versions
      .filter((a) => a.id !== l && !(a.id in this.explained))
      .slice(0, explainAtOnce)
      .map((a) => a.id);
    // A few at a time: a large event must not flood the service.
    for (let i = 0; i < want.length; i += 6) {
      await Promise.all(want.slice(i, i + 6).map((id) => this.explain(id)));
    }
  }

  // explain fetches the evidence that member id reports the lead's event.
  async explain(id: number): Promise<void> {
    const l = lead(this.event);
    if (!l || id === l) return;
    const seq = this.seq;
    let got: Explanation | AppError;
    try {
      got = await this.api.explain(String(id), String(l));
    } catch (e) {
      got = toAppError(e);
    }
    if (seq !== this.seq || lead(this.event) !== l) return;
    this.explained = { ...this.explained, [id]: got };
  }

  toggle(id: number, on: boolean): void {
    const s = new Set(this.selected);
    if (on) s.add(id);
    else s.delete(id);
    this.selected = s;
  }

  // correct sends a correction and shows the events it returns; the page
  // changes in place, without loading again.
  private async correct(c: Correction, said: (touched: Event[]) => string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.actionError = null;
    const seq = ++this.seq;
    try {
      const changed = await this.api.correct(c);
      this.list?.update(changed, gone);
      if (seq !== this.seq) return true;
      const current = this.event;
      let mine = changed.find((e) => e.id === current?.id);
      if (!mine && current) {
        // The event itself was retired (merged into another): follow the
        // one that now holds most of its versions.
        const ids = new Set(members(current).map((a) => a.id));
        const overlap = (e: Event) => members(e).filter((a) => ids.has(a.id)).length;
        mine = [...changed].sort((x, y) => overlap(y) - overlap(x))[0];
        if (mine && overlap(mine) === 0) mine = undefined;
      }
      if (mine) this.show(mine);
      this.touched = changed.filter((e) => e.id !== mine?.id && !gone(e));
      this.done = said(this.touched);
      return true;
    } catch (e) {
      if (seq === this.seq) this.actionError = toAppError(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private title(id: number): string {
    const a = members(this.event).find((m) => m.id === id);
    return a?.title ? `"${a.title}"` : 'article ' + id;
  }

  remove(article: number): Promise<boolean> {
    const t = this.title(article);
    return this.correct({ kind: 'remove', a: article }, () => `Removed ${t} from this event.`);
  }

  move(article: number, to: Event): Promise<boolean> {
    const t = this.title(article);
    return this.correct({ kind: 'move', a: article, event: to.id }, () => `Moved ${t} to event ${to.id}.`);
  }

  merge(other: Event): Promise<boolean> {
    const from = this.event?.id ?? 0;
    return this.correct({ kind: 'merge', event: from, other: other.id }, () => `Merged event ${other.id} with event ${from}.`);
  }

  // split makes the selected versions a new event; the rest stay.
  split(): Promise<boolean> {
    const e = this.event;
    if (!e) return Promise.resolve(false);
    const part = this.versions.filter((a) => this.selected.has(a.id)).map((a) => a.id);
    const rest = this.versions.filter((a) => !this.selected.has(a.id)).map((a) => a.id);
    if (part.length === 0 || rest.length === 0) {
      this.actionError = new AppError('invalid', 'Select some versions, but not all of them, to split them off');
      return Promise.resolve(false);
    }
    return this.correct({ kind: 'split', event: e.id, parts: [rest, part] }, (t) =>
      t.length ? `Split ${part.length} of ${part.length + rest.length} versions into event ${t.map((x) => x.id).join(', ')}.` : 'Split done.',
    ).then((ok) => {
      if (ok) this.selected = new Set();
      return ok;
    });
  }

  // judge says whether article a reports the same event as b.
  judge(a: number, b: number, same: boolean): Promise<boolean> {
    const t = this.title(a);
    return this.correct({ kind: same ? 'same' : 'not_same', a, b }, () =>
      same ? `Recorded: ${t} reports this event.` : `Recorded: ${t} reports another event.`,
    );
  }
}

// ThreadPage is one thread's page: its events in date order.
export class ThreadPage {
  id = $state(0);
  thread = $state.raw<Thread | null>(null);
  events = $state.raw<Event[]>([]);
  loading = $state(false);
  error = $state.raw<AppError | null>(null);
  private seq = 0;

  constructor(private readonly api: Api = defaultApi) {}

  get merged(): { from: number; into: number } | null {
    const t = this.thread;
    return t && this.id && t.id !== this.id ? { from: this.id, into: t.id } : null;
  }

  async load(id: number): Promise<void> {
    const seq = ++this.seq;
    if (id !== this.id) {
      this.thread = null;
      this.events = [];
    }
    this.id = id;
    this.loading = true;
    this.error = null;
    try {
      const v = await this.api.thread(id);
      if (seq !== this.seq) return;
      this.thread = v.thread;
      const first = (e: Event) => {
        const s = summary(e).first;
        return s ? Date.parse(s) : Infinity;
      };
      this.events = [...(v.events ?? [])].sort((x, y) => first(x) - first(y) || x.id - y.id);
    } catch (e) {
      if (seq !== this.seq) return;
      this.thread = null;
      this.events = [];
      this.error = toAppError(e);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }
}

// CorrectionsList is every correction researchers made, newest first.
export class CorrectionsList {
  items = $state.raw<Correction[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  // Titles of the articles the corrections name.
  readonly titles: TitleCache;

  constructor(private readonly api: Api = defaultApi) {
    this.titles = new TitleCache(api);
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      const all = await this.api.corrections();
      this.items = [...all].reverse();
      void this.titles.want(all.flatMap((c) => [c.a, c.b]).filter((id): id is number => !!id));
      this.error = null;
      this.loaded = true;
    } catch (e) {
      this.error = toAppError(e);
    } finally {
      this.loading = false;
    }
  }
}

// describe says what a correction said, in words.
export function describe(c: Correction): string {
  const art = (id?: number) => 'article ' + (id ?? '?');
  const ev = (id?: number) => 'event ' + (id ?? '?');
  switch (c.kind) {
    case 'same':
      return `${art(c.a)} and ${art(c.b)} report the same event`;
    case 'not_same':
      return `${art(c.a)} and ${art(c.b)} report different events`;
    case 'remove':
      return `${art(c.a)} removed from its event`;
    case 'move':
      return `${art(c.a)} moved to ${ev(c.event)}`;
    case 'merge':
      return `${ev(c.event)} and ${ev(c.other)} merged`;
    case 'split': {
      const parts = (c.parts ?? []).map((p) => p.join(', '));
      return `${ev(c.event)} split into ${parts.length} parts` + (parts.length ? `: ${parts.map((p) => '[' + p + ']').join(' ')}` : '');
    }
    default:
      return String(c.kind);
  }
}

// RelatedPanel is what the Article view shows about an article's event: the
// event and thread it belongs to, and the closest articles with the evidence.
export class RelatedPanel {
  ref = $state('');
  event = $state.raw<Event | null>(null);
  related = $state.raw<Explanation[]>([]);
  loaded = $state(false);
  error = $state.raw<AppError | null>(null);
  actionError = $state.raw<AppError | null>(null);
  busy = $state(false);
  // What the researcher said about each pair here, by the other article's id.
  said = $state.raw<Record<number, boolean>>({});
  private seq = 0;

  constructor(
    private readonly api: Api = defaultApi,
    readonly limit = 10,
  ) {}

  async load(ref: string): Promise<void> {
    const seq = ++this.seq;
    if (ref !== this.ref) {
      this.event = null;
      this.related = [];
      this.loaded = false;
      this.said = {};
      this.actionError = null;
    }
    this.ref = ref;
    try {
      const [event, related] = await Promise.all([this.api.eventOf(ref), this.api.related(ref, this.limit)]);
      if (seq !== this.seq) return;
      this.event = event;
      this.related = related;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (seq === this.seq) this.error = toAppError(e);
    }
  }

  // judge records whether this article and other report one event, then
  // shows the event and the related articles as they now are.
  async judge(article: number, other: number, same: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      await this.api.correct({ kind: same ? 'same' : 'not_same', a: article, b: other });
      this.said = { ...this.said, [other]: same };
      await this.load(this.ref);
    } catch (e) {
      this.actionError = toAppError(e);
    } finally {
      this.busy = false;
    }
  }
}

export const events = new PagedList<Event>((q, offset, limit) => defaultApi.events(q, offset, limit));
export const threads = new PagedList<Thread>((q, offset, limit) => defaultApi.threads(q, offset, limit));
export const eventPage = new EventPage(defaultApi, events);
export const threadPage = new ThreadPage(defaultApi);
export const corrections = new CorrectionsList(defaultApi);
export const related = new RelatedPanel(defaultApi);
