import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../api/client';
import { HttpTransport } from '../api/http';
import type { Correction, Event, EventArticle, Explanation } from '../api/types';
import { FakeTransport, deferred } from '../testing';
import EvidenceList from '../components/EvidenceList.svelte';
import { percent, formatWeight } from '../evidence';
import { pageSize } from './findings.svelte';
import {
  CorrectionsList,
  EventPage,
  PagedList,
  RelatedPanel,
  ThreadPage,
  byDate,
  describe as describeCorrection,
  lead,
  summary,
} from './events.svelte';

const ms = () => new Promise((r) => setTimeout(r, 0));

function art(id: number, published: string | null, extra: Partial<EventArticle> = {}): EventArticle {
  return { id, published, title: 'Title ' + id, outlet: 'Outlet ' + (id % 3), earliest: false, ...extra };
}

// A fake archive of events that follows corrections the way the service
// does: only the touched events come back.
function archive() {
  const t = new FakeTransport();
  const events = new Map<number, Event>();
  const retired = new Map<number, number>();
  const put = (e: Event) => events.set(e.id, e);
  put({
    id: 3,
    label: 'Austin talks to Belousov',
    earliest: 3,
    thread: 1,
    articles: [
      art(4, '2024-07-12T00:00:00Z', { language: 'it' }),
      art(3, '2024-07-10T00:00:00Z', { earliest: true, language: 'en' }),
      art(9, null),
      art(7, '2024-07-11T00:00:00Z', { language: 'en', pinned: true }),
    ],
  });
  put({ id: 5, label: 'Other', earliest: 5, articles: [art(5, '2022-05-13T00:00:00Z', { earliest: true })] });
  let next = 100;
  const corrections: Correction[] = [];
  const explained: [string, string][] = [];
  t.handlers.Event = (id: number) => {
    const e = events.get(retired.get(id) ?? id);
    if (!e) throw { error: { code: 'not_found', message: `no event ${id}` } };
    return e;
  };
  t.handlers.Explain = (a: string, b: string): Explanation => {
    explained.push([a, b]);
    return {
      a: Number(a),
      b: Number(b),
      score: 0.91,
      same_event: true,
      same_thread: true,
      thread: 0.95,
      evidence: [{ kind: 'name', a_text: 'Belousov', b_text: 'Belousov', weight: 2.1 }],
    };
  };
  const without = (e: Event, ids: number[]): Event => ({ ...e, articles: (e.articles ?? []).filter((a) => !ids.includes(a.id)) });
  const find = (id: number) => (e: Event) => (e.articles ?? []).some((a) => a.id === id);
  t.handlers.Correct = (c: Correction) => {
    corrections.push(c);
    if (c.kind === 'remove') {
      const from = [...events.values()].find(find(c.a!))!;
      const moved = from.articles!.find((a) => a.id === c.a)!;
      const alone: Event = { id: next++, label: moved.title, earliest: moved.id, articles: [{ ...moved, pinned: true, earliest: true }] };
      put(without(from, [c.a!]));
      put(alone);
      return [events.get(from.id), alone];
    }
    if (c.kind === 'move') {
      if (!events.has(c.event!)) throw { error: { code: 'not_found', message: `no event ${c.event}` } };
      const from = [...events.values()].find(find(c.a!))!;
      const moved = from.articles!.find((a) => a.id === c.a)!;
      const to = events.get(c.event!)!;
      put(without(from, [c.a!]));
      put({ ...to, articles: [...to.articles!, { ...moved, earliest: false, pinned: true }] });
      return [events.get(from.id), events.get(to.id)];
    }
    if (c.kind === 'merge') {
      // The larger survives; the other id is retired.
      const [keep, drop] = [events.get(c.event!)!, events.get(c.other!)!].sort((x, y) => y.articles!.length - x.articles!.length);
      put({ ...keep, articles: [...keep.articles!, ...drop.articles!.map((a) => ({ ...a, earliest: false }))] });
      events.delete(drop.id);
      retired.set(drop.id, keep.id);
      return [events.get(keep.id)];
    }
    if (c.kind === 'split') {
      const e = events.get(c.event!)!;
      const [rest, part] = c.parts!;
      const made: Event = { id: next++, label: 'Split', earliest: part[0], articles: e.articles!.filter((a) => part.includes(a.id)) };
      put({ ...e, articles: e.articles!.filter((a) => rest.includes(a.id)) });
      put(made);
      return [events.get(e.id), made];
    }
    if (c.kind === 'not_same') {
      const e = [...events.values()].find(find(c.a!))!;
      put(without(e, [c.a!]));
      return [events.get(e.id)];
    }
    return [];
  };
  return { t, api: new Api(t), events, retired, corrections, explained };
}

describe('PagedList', () => {
  function pages(n: number) {
    const t = new FakeTransport();
    const asked: [string, number, number][] = [];
    t.handlers.Events = (q: string, offset: number, limit: number) => {
      asked.push([q, offset, limit]);
      const end = Math.min(offset + limit, n);
      return Array.from({ length: Math.max(0, end - offset) }, (_, k) => ({ id: offset + k + 1, label: 'E', earliest: 0, articles: [] }));
    };
    const api = new Api(t);
    return { asked, list: new PagedList<Event>((q, o, l) => api.events(q, o, l)) };
  }

  it('lists events a page at a time, says when there are more, and reloads as many as were shown', async () => {
    const { asked, list } = pages(pageSize + 7);
    await list.load();
    expect(list.items.length).toBe(pageSize);
    expect(list.more).toBe(true);
    await list.loadMore();
    expect(asked.at(-1)).toEqual(['', pageSize, pageSize]);
    expect(list.items.map((e) => e.id)).toEqual(Array.from({ length: pageSize + 7 }, (_, k) => k + 1));
    expect(list.more).toBe(false);
    await list.load();
    expect(asked.at(-1)).toEqual(['', 0, pageSize + 7]);
  });

  it('a search starts from the first page and sends the words without surrounding spaces', async () => {
    const { asked, list } = pages(3 * pageSize);
    await list.load();
    await list.loadMore();
    await list.search('  Belousov ');
    expect(asked.at(-1)).toEqual(['Belousov', 0, pageSize]);
    expect(list.items.length).toBe(pageSize);
    await list.loadMore();
    expect(asked.at(-1)).toEqual(['Belousov', pageSize, pageSize]);
  });

  it('keeps only the answer to the latest search', async () => {
    const slow = deferred<Event[]>();
    const list = new PagedList<Event>((q) =>
      q === 'bel' ? slow.promise : Promise.resolve([{ id: 2, label: 'Belousov', earliest: 0, articles: [] }]),
    );
    const first = list.search('bel');
    await list.search('belousov');
    slow.resolve([{ id: 1, label: 'stale', earliest: 0, articles: [] }]);
    await first;
    expect(list.items.map((e) => e.label)).toEqual(['Belousov']);
    expect(list.q).toBe('belousov');
  });

  it('shows the service error and keeps the rows', async () => {
    let fail = false;
    const list = new PagedList<Event>(async () => {
      if (fail) throw { error: { code: 'internal', message: 'events is not available in this build' } };
      return [{ id: 1, label: 'A', earliest: 0, articles: [] }];
    });
    await list.load();
    fail = true;
    await list.load();
    expect(list.error?.message).toBe('events is not available in this build');
    expect(list.items.length).toBe(1);
  });
});

describe('event summaries', () => {
  it('orders versions by date, undated last, and sums up outlets, languages and the date span', () => {
    const e: Event = {
      id: 1,
      label: 'x',
      earliest: 2,
      articles: [art(1, null), art(3, '2024-07-12T00:00:00Z', { language: 'it' }), art(2, '2024-07-10T08:00:00Z', { language: 'en' })],
    };
    expect(byDate(e.articles!).map((a) => a.id)).toEqual([2, 3, 1]);
    expect(summary(e)).toEqual({
      size: 3,
      first: '2024-07-10T08:00:00Z',
      last: '2024-07-12T00:00:00Z',
      outlets: ['Outlet 0', 'Outlet 1', 'Outlet 2'],
      languages: ['en', 'it'],
    });
    expect(lead(e)).toBe(2);
    // Without a valid earliest id, the version marked earliest leads.
    expect(lead({ ...e, earliest: 99, articles: [art(1, null), art(3, '2024-01-01T00:00:00Z', { earliest: true })] })).toBe(3);
  });

  it('reads scores as percentages and weights with their sign', () => {
    expect(percent(0.914)).toBe('91 %');
    expect(percent(0.002)).toBe('<1 %');
    expect(percent(0.996)).toBe('>99 %');
    expect(percent(1)).toBe('100 %');
    expect(formatWeight(2.14)).toBe('+2.1');
    expect(formatWeight(-0.5)).toBe('\u22120.5');
  });
});

describe('EventPage', () => {
  it('shows the versions in date order and explains each against the earliest', async () => {
    const { api, explained } = archive();
    const page = new EventPage(api);
    await page.load(3);
    await ms();
    expect(page.versions.map((v) => v.id)).toEqual([3, 7, 4, 9]);
    expect(page.merged).toBeNull();
    expect(explained.sort()).toEqual([
      ['4', '3'],
      ['7', '3'],
      ['9', '3'],
    ]);
    const x = page.explained[4] as Explanation;
    expect(x.evidence?.[0].a_text).toBe('Belousov');
    expect(3 in page.explained).toBe(false);
  });

  it('a retired id shows the event it was merged into, with a note', async () => {
    const { api, retired } = archive();
    retired.set(12, 3);
    const page = new EventPage(api);
    await page.load(12);
    expect(page.event?.id).toBe(3);
    expect(page.merged).toEqual({ from: 12, into: 3 });
  });

  it('an unknown event shows the service message', async () => {
    const { api } = archive();
    const page = new EventPage(api);
    await page.load(404);
    expect(page.error?.message).toBe('no event 404');
    expect(page.event).toBeNull();
  });

  it('removing a version updates the page and the list from the answer, without loading again', async () => {
    const { api, t, corrections } = archive();
    const list = new PagedList<Event>((q, o, l) => api.events(q, o, l));
    t.handlers.Events = () => [
      { id: 3, label: 'Austin talks to Belousov', earliest: 3, articles: [] },
      { id: 5, label: 'Other', earliest: 5, articles: [] },
    ];
    await list.load();
    const page = new EventPage(api, list);
    await page.load(3);
    await ms();
    const loads = t.calls.filter((c) => c.binding === 'Event').length;
    expect(await page.remove(9)).toBe(true);
    expect(corrections.at(-1)).toEqual({ kind: 'remove', a: 9 });
    expect(page.versions.map((v) => v.id)).toEqual([3, 7, 4]);
    expect(t.calls.filter((c) => c.binding === 'Event').length).toBe(loads);
    expect(page.touched.map((e) => e.id)).toEqual([100]);
    expect(page.done).toBe('Removed "Title 9" from this event.');
    // The list row of the event now has three versions.
    expect(list.items.find((e) => e.id === 3)?.articles?.length).toBe(3);
    // Evidence of the versions that stayed is kept.
    expect(9 in page.explained).toBe(false);
    expect(4 in page.explained).toBe(true);
  });

  it('moves a version to another event and names the event it went to', async () => {
    const { api, corrections, events } = archive();
    const page = new EventPage(api);
    await page.load(3);
    expect(await page.move(4, events.get(5)!)).toBe(true);
    expect(corrections.at(-1)).toEqual({ kind: 'move', a: 4, event: 5 });
    expect(page.versions.map((v) => v.id)).not.toContain(4);
    expect(page.touched.map((e) => e.id)).toEqual([5]);
    expect(page.touched[0].articles?.map((a) => a.id)).toEqual([5, 4]);
  });

  it('splits the selected versions into a new event', async () => {
    const { api, corrections } = archive();
    const page = new EventPage(api);
    await page.load(3);
    page.toggle(4, true);
    page.toggle(9, true);
    page.toggle(9, false);
    expect(await page.split()).toBe(true);
    expect(corrections.at(-1)).toEqual({ kind: 'split', event: 3, parts: [[3, 7, 9], [4]] });
    expect(page.versions.map((v) => v.id)).toEqual([3, 7, 9]);
    expect(page.selected.size).toBe(0);
    expect(page.done).toBe('Split 1 of 4 versions into event 100.');
  });

  it('refuses a split of nothing or of everything before asking the service', async () => {
    const { api, corrections } = archive();
    const page = new EventPage(api);
    await page.load(3);
    expect(await page.split()).toBe(false);
    for (const v of page.versions) page.toggle(v.id, true);
    expect(await page.split()).toBe(false);
    expect(page.actionError?.code).toBe('invalid');
    expect(corrections).toEqual([]);
  });

  it('after merging into a larger event, the page shows the surviving event', async () => {
    const { api, events } = archive();
    events.set(8, { id: 8, label: 'Big', earliest: 20, articles: [20, 21, 22, 23, 24].map((i) => art(i, '2024-07-09T00:00:00Z')) });
    const page = new EventPage(api);
    await page.load(3);
    expect(await page.merge(events.get(8)!)).toBe(true);
    expect(page.event?.id).toBe(8);
    expect(page.versions.length).toBe(9);
    expect(page.merged).toEqual({ from: 3, into: 8 });
  });

  it('a refused correction shows the service message and leaves the event as it was', async () => {
    const { api } = archive();
    const page = new EventPage(api);
    await page.load(3);
    const before = page.event;
    expect(await page.move(4, { id: 77, label: '', earliest: 0, articles: [] })).toBe(false);
    expect(page.actionError?.message).toBe('no event 77');
    expect(page.event).toBe(before);
  });

  it('"not the same event" sends the pair and shows the event without the version', async () => {
    const { api, corrections } = archive();
    const page = new EventPage(api);
    await page.load(3);
    await page.judge(7, 3, false);
    expect(corrections.at(-1)).toEqual({ kind: 'not_same', a: 7, b: 3 });
    expect(page.versions.map((v) => v.id)).toEqual([3, 4, 9]);
    expect(page.done).toBe('Recorded: "Title 7" reports another event.');
  });
});

describe('ThreadPage', () => {
  it('lists the thread events oldest first and notes a retired id', async () => {
    const t = new FakeTransport();
    t.handlers.Thread = () => ({
      thread: { id: 2, label: 'US-Russia defence chiefs', events: [3, 1, 2], articles: [0, 1, 2, 3, 4] },
      events: [
        { id: 3, label: 'c', earliest: 3, articles: [art(3, '2024-07-10T00:00:00Z'), art(4, '2024-07-12T00:00:00Z')] },
        { id: 1, label: 'a', earliest: 0, articles: [art(0, '2022-05-13T00:00:00Z'), art(1, '2022-05-14T00:00:00Z')] },
        { id: 2, label: 'b', earliest: 2, articles: [art(2, '2022-10-21T00:00:00Z')] },
      ],
    });
    const page = new ThreadPage(new Api(t));
    await page.load(9);
    expect(page.events.map((e) => e.label)).toEqual(['a', 'b', 'c']);
    expect(page.merged).toEqual({ from: 9, into: 2 });
    expect(t.calls[0].args).toEqual([9]);
  });
});

describe('CorrectionsList', () => {
  it('lists the corrections newest first, each said in words', async () => {
    const t = new FakeTransport();
    t.handlers.Corrections = () => [
      { id: 1, kind: 'same', a: 3, b: 4, created_at: '2026-01-01T10:00:00Z' },
      { id: 2, kind: 'split', event: 3, parts: [[3], [4, 7]], created_at: '2026-01-02T10:00:00Z' },
    ];
    t.handlers.GetArticle = (ref: string) => ({ id: Number(ref), title: 'T' + ref, locations: [] });
    const list = new CorrectionsList(new Api(t));
    await list.load();
    await ms();
    expect(list.titles.titles).toEqual({ 3: 'T3', 4: 'T4' });
    expect(list.items.map((c) => c.id)).toEqual([2, 1]);
    expect(list.items.map(describeCorrection)).toEqual([
      'event 3 split into 2 parts: [3] [4, 7]',
      'article 3 and article 4 report the same event',
    ]);
    expect(describeCorrection({ kind: 'move', a: 4, event: 5 })).toBe('article 4 moved to event 5');
    expect(describeCorrection({ kind: 'merge', event: 3, other: 8 })).toBe('event 3 and event 8 merged');
  });
});

describe('RelatedPanel', () => {
  it('loads the event and the related articles, and a verdict reloads them', async () => {
    const t = new FakeTransport();
    let same = false;
    t.handlers.EventOf = () => ({ id: same ? 3 : 4, label: 'e', earliest: 4, thread: 1, articles: [] });
    t.handlers.Related = (ref: string, limit: number) => [
      { a: Number(ref), b: 3, score: same ? 0.97 : 0.4, same_event: same, same_thread: true, thread: 0.9, evidence: [], title: 'T3' },
      { a: Number(ref), b: limit, score: 0.1, same_event: false, same_thread: false, thread: 0.1, evidence: null },
    ];
    t.handlers.Correct = (c: Correction) => {
      same = c.kind === 'same';
      return [];
    };
    const panel = new RelatedPanel(new Api(t), 5);
    await panel.load('4');
    expect(panel.related.map((r) => r.b)).toEqual([3, 5]);
    expect(panel.event?.id).toBe(4);
    await panel.judge(4, 3, true);
    expect(t.calls.find((c) => c.binding === 'Correct')?.args).toEqual([{ kind: 'same', a: 4, b: 3 }]);
    expect(panel.said).toEqual({ 3: true });
    expect(panel.related[0].same_event).toBe(true);
    expect(panel.event?.id).toBe(3);
  });

  it('a refused verdict shows the service message', async () => {
    const t = new FakeTransport();
    t.handlers.EventOf = () => null;
    t.handlers.Related = () => [];
    t.handlers.Correct = () => {
      throw { error: { code: 'read_only', message: 'the archive is read-only' } };
    };
    const panel = new RelatedPanel(new Api(t));
    await panel.load('4');
    await panel.judge(4, 3, false);
    expect(panel.actionError?.message).toBe('the archive is read-only');
    expect(panel.said).toEqual({});
  });
});

describe('the event routes over HTTP', () => {
  function httpApi() {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response('null', { status: 200 }));
    return { api: new Api(new HttpTransport({ fetch: fetch as unknown as typeof globalThis.fetch })), fetch };
  }

  it('maps each method to its route', async () => {
    const { api, fetch } = httpApi();
    await api.events('Belousov call', 100, 50);
    await api.event(12);
    await api.eventOf('003 a.txt');
    await api.threads('', 0, 100);
    await api.thread(2);
    await api.explain('3', '004_x.txt');
    await api.related('3', 8);
    await api.corrections();
    await api.correct({ kind: 'split', event: 3, parts: [[3], [4]] });
    const urls = fetch.mock.calls.map((c) => String(c[0]));
    expect(urls).toEqual([
      '/api/events?q=Belousov+call&offset=100&limit=50',
      '/api/events/12',
      '/api/event?ref=003+a.txt',
      '/api/threads?limit=100',
      '/api/threads/2',
      '/api/explain?a=3&b=004_x.txt',
      '/api/related?ref=3&limit=8',
      '/api/corrections',
      '/api/corrections',
    ]);
    const post = fetch.mock.calls.at(-1)![1] as RequestInit;
    expect(post.method).toBe('POST');
    expect(JSON.parse(post.body as string)).toEqual({ kind: 'split', event: 3, parts: [[3], [4]] });
    // The event list asks for JSON: the job stream at the same path is an event stream.
    expect((fetch.mock.calls[0][1] as RequestInit & { headers: Record<string, string> }).headers.Accept).toBe('application/json');
  });

  it('a null answer is an empty list', async () => {
    const { api } = httpApi();
    expect(await api.events()).toEqual([]);
    expect(await api.related('3')).toEqual([]);
    expect(await api.correct({ kind: 'remove', a: 3 })).toEqual([]);
    expect(await api.eventOf('3')).toBeNull();
  });
});

describe('EvidenceList', () => {
  let cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const fn of cleanup) fn();
    cleanup = [];
  });

  function render(props: Record<string, unknown>) {
    const target = document.createElement('div');
    document.body.append(target);
    const c = mount(EvidenceList, { target, props: props as never });
    cleanup.push(() => unmount(c), () => target.remove());
    flushSync();
    return target;
  }

  const hostile = '<img src=x onerror="window.__pwned=1">Белоусов';
  const evidence = [
    { kind: 'date', a_text: 'Tuesday', b_text: 'July 9', weight: 0.4 },
    { kind: 'name', a_text: hostile, b_text: 'Belousov', weight: 2.5 },
    { kind: 'language', a_text: 'it', b_text: 'en', weight: -0.3 },
    { kind: 'name', a_text: 'Ryder', b_text: 'Ryder', weight: 1.2 },
    { kind: 'quote', a_text: '"secret operation"', b_text: '"secret operation"', weight: 0.9 },
  ];

  it('shows the strongest pieces first, article text as text, and expands to all', () => {
    const target = render({ evidence });
    const rows = () => [...target.querySelectorAll('tbody tr')];
    expect(rows().length).toBe(3);
    expect(rows().map((r) => r.getAttribute('data-kind'))).toEqual(['name', 'name', 'quote']);
    const first = rows()[0].querySelectorAll('td');
    expect(first[0].textContent).toBe('Name');
    expect(first[1].textContent).toBe(hostile);
    expect(first[2].textContent).toBe('Belousov');
    expect(first[3].textContent).toContain('+2.5');
    expect(target.querySelector('img')).toBeNull();
    const more = target.querySelector('button') as HTMLButtonElement;
    expect(more.textContent).toContain('Show all 5 pieces of evidence');
    more.click();
    flushSync();
    expect(rows().length).toBe(5);
    const against = rows().find((r) => r.getAttribute('data-kind') === 'language')!;
    expect(against.classList.contains('against')).toBe(true);
    expect(against.querySelector('.num')?.textContent).toBe('\u22120.3');
  });

  it('the compact list holds the same text, and no evidence says so', () => {
    const target = render({ evidence, compact: true, initial: 10 });
    const items = [...target.querySelectorAll('li')];
    expect(items.length).toBe(5);
    expect(items[0].querySelector('.pair')?.textContent).toContain(hostile);
    expect(target.querySelector('img')).toBeNull();
    const none = render({ evidence: null });
    expect(none.textContent).toContain('No evidence either way.');
  });
});
