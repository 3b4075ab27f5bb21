import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EventView from './Event.svelte';

// The page as a researcher sees it, the service answering through fetch as
// `storydiff serve` does.
const hostile = 'Belousov <img src=x onerror="window.__pwned=1">';
const event = {
  id: 7,
  label: 'Austin talks to Belousov',
  earliest: 4,
  thread: 2,
  articles: [
    { id: 5, published: '2024-07-12T10:00:00Z', title: 'Hot phones <b>between</b> the US and Russia', outlet: 'Il Foglio', language: 'it', earliest: false, pinned: true },
    { id: 4, published: '2024-07-09T08:00:00Z', title: 'Austin talks to Russian counterpart', outlet: 'DW', language: 'en', earliest: true },
  ],
};

function serve(routes: Record<string, (url: URL, init?: RequestInit) => unknown>) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://127.0.0.1/');
    const key = (init?.method ?? 'GET') + ' ' + url.pathname;
    const h = routes[key];
    if (!h) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no API endpoint ' + key } }), { status: 404 });
    try {
      return new Response(JSON.stringify(h(url, init)), { status: 200 });
    } catch (e) {
      return new Response(JSON.stringify(e), { status: 400 });
    }
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
  vi.unstubAllGlobals();
});

function render(id: number) {
  const target = document.createElement('div');
  document.body.append(target);
  const c = mount(EventView, { target, props: { id } });
  cleanup.push(() => unmount(c), () => target.remove());
  return target;
}

describe('the event page', () => {
  it('shows a retired id as the event it was merged into, with its versions by date and their evidence as text', async () => {
    serve({
      'GET /api/events/3': () => event,
      'GET /api/explain': (u) => ({
        a: Number(u.searchParams.get('a')),
        b: Number(u.searchParams.get('b')),
        score: 0.87,
        same_event: true,
        same_thread: true,
        thread: 0.9,
        evidence: [{ kind: 'name', a_text: hostile, b_text: 'Белоусов', weight: 1.9 }],
      }),
    });
    const target = render(3);
    await settle();
    expect(target.querySelector('[data-testid=merged-note]')?.textContent?.trim()).toBe('Event 3 was merged into event 7.');
    expect(target.querySelector('h1')?.textContent).toBe('Austin talks to Belousov');
    const titles = [...target.querySelectorAll('[data-testid=version] a.title')].map((a) => a.textContent);
    expect(titles).toEqual(['Austin talks to Russian counterpart', 'Hot phones <b>between</b> the US and Russia']);
    const later = target.querySelector('[data-testid=version][data-id="5"]')!;
    expect(later.textContent).toContain('pinned');
    expect(later.textContent).toContain('87 % same event');
    const cells = [...later.querySelectorAll('[data-testid=evidence] tbody td')].map((td) => td.textContent);
    expect(cells.slice(0, 3)).toEqual(['Name', hostile, 'Белоусов']);
    expect(target.querySelector('img, b')).toBeNull();
    expect(target.querySelector('[data-testid=version][data-id="4"]')?.textContent).toContain('The earliest version');
  });

  it('removes a version in place from the answer, and shows a refusal with the service message', async () => {
    let refuse = false;
    const fetch = serve({
      'GET /api/events/7': () => event,
      'GET /api/explain': () => ({ a: 5, b: 4, score: 0.5, same_event: true, same_thread: true, thread: 0.5, evidence: [] }),
      'POST /api/corrections': (_u, init) => {
        if (refuse) throw { error: { code: 'read_only', message: 'The archive is read-only here' } };
        const c = JSON.parse(String(init?.body));
        expect(c).toEqual({ kind: 'remove', a: 5 });
        return [
          { ...event, articles: event.articles.filter((a) => a.id !== 5) },
          { id: 9, label: 'Hot phones', earliest: 5, articles: [{ ...event.articles[0], earliest: true }] },
        ];
      },
    });
    const target = render(7);
    await settle();
    const gets = fetch.mock.calls.filter((c) => String(c[0]).startsWith('/api/events/')).length;
    const button = (id: number, name: string) =>
      [...target.querySelectorAll(`[data-testid=version][data-id="${id}"] button`)].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
    button(5, 'Remove from event').click();
    await settle();
    expect(target.querySelectorAll('[data-testid=version]').length).toBe(1);
    expect(target.querySelector('[data-testid=correction-done]')?.textContent).toContain('Removed "Hot phones <b>between</b> the US and Russia" from this event.');
    expect(target.querySelector('[data-testid=correction-done] a')?.getAttribute('href')).toBe('#/story/9');
    expect(fetch.mock.calls.filter((c) => String(c[0]).startsWith('/api/events/')).length).toBe(gets);

    refuse = true;
    button(4, 'Remove from event').click();
    await settle();
    expect(target.querySelector('[role=alert]')?.textContent).toBe('The archive is read-only here');
    expect(target.querySelectorAll('[data-testid=version]').length).toBe(1);
  });
});
