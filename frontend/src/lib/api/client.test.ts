import { describe, expect, it, vi } from 'vitest';
import { Api, createApi, jobError } from './client';
import { AppError } from './errors';
import { HttpTransport } from './http';
import { WailsTransport } from './wails';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
}

function httpApi(respond: (url: string, init: RequestInit) => Response | Promise<Response>, token = '') {
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => respond(String(url), init ?? {}));
  return { api: new Api(new HttpTransport({ fetch: fetch as unknown as typeof globalThis.fetch, token })), fetch };
}

describe('Api over HTTP', () => {
  it('sends the list query as URL parameters, leaving out empty ones', async () => {
    const { api, fetch } = httpApi(() => jsonResponse(200, { total: 0, articles: [] }));
    await api.listArticles({ offset: 100, limit: 50, sort: 'title', desc: false, outlet: '', language: 'en' });
    const url = fetch.mock.calls[0][0] as string;
    expect(url).toBe('/api/articles?offset=100&limit=50&sort=title&desc=false&language=en');
  });

  it('escapes an article ref into one path segment', async () => {
    const { api, fetch } = httpApi(() => jsonResponse(200, { id: 1 }));
    await api.getArticle('dir/a b#1.txt');
    expect(fetch.mock.calls[0][0]).toBe('/api/articles/dir%2Fa%20b%231.txt');
  });

  it('posts imports as JSON and returns the job id', async () => {
    const { api, fetch } = httpApi(() => jsonResponse(202, { jobId: 'import-1' }));
    expect(await api.startImport(['/a', '/b'])).toBe('import-1');
    const init = fetch.mock.calls[0][1] as RequestInit;
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ paths: ['/a', '/b'] });
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends the token as a bearer header', async () => {
    const { api, fetch } = httpApi(() => jsonResponse(200, []), 's3cret');
    await api.search('x');
    expect((fetch.mock.calls[0][1] as RequestInit & { headers: Record<string, string> }).headers.Authorization).toBe(
      'Bearer s3cret',
    );
  });

  it('turns a null search answer into no hits', async () => {
    const { api } = httpApi(() => jsonResponse(200, 'null'));
    expect(await api.search('x')).toEqual([]);
  });

  const failures: { name: string; res: () => Response; code: string; message: string }[] = [
    {
      name: 'error body keeps code and message',
      res: () => jsonResponse(404, { error: { code: 'not_found', message: 'no article "9"' } }),
      code: 'not_found',
      message: 'no article "9"',
    },
    { name: 'non-JSON 404', res: () => jsonResponse(404, '<html>'), code: 'not_found', message: 'Not found' },
    { name: 'non-JSON 502', res: () => jsonResponse(502, 'Bad gateway'), code: 'unavailable', message: 'The StoryDiff service cannot be reached' },
    {
      name: 'refused token',
      res: () => jsonResponse(401, 'nope'),
      code: 'invalid',
      message: 'Access denied: open the address printed by storydiff serve',
    },
  ];
  for (const f of failures) {
    it(`rejects with an AppError: ${f.name}`, async () => {
      const { api } = httpApi(f.res);
      const err = await api.facets().catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect({ code: err.code, message: err.message }).toEqual({ code: f.code, message: f.message });
    });
  }

  it('rejects with unavailable when the server cannot be reached', async () => {
    const { api } = httpApi(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.facets()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses the folder dialog in the browser with a message', async () => {
    const { api, fetch } = httpApi(() => jsonResponse(200, ''));
    await expect(api.chooseFolder()).rejects.toMatchObject({ code: 'invalid' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('Api over Wails bindings', () => {
  function wailsWindow() {
    const events = new Map<string, (d: unknown) => void>();
    const Bindings = {
      ListArticles: vi.fn(async () => ({ total: 1, articles: [] })),
      GetArticle: vi.fn(async () => {
        throw new Error('{"code":"not_found","message":"no article \\"x\\""}');
      }),
      ChooseFolder: vi.fn(async () => '/home/r/news'),
    };
    const w = {
      go: { desktop: { Bindings } },
      runtime: {
        EventsOn: (name: string, cb: (d: unknown) => void) => {
          events.set(name, cb);
          return () => events.delete(name);
        },
      },
    };
    return { w, Bindings, events };
  }

  it('is chosen when the Wails runtime is present', () => {
    const { w } = wailsWindow();
    expect(createApi(w).transport).toBeInstanceOf(WailsTransport);
    expect(createApi({ location: { search: '' } }).transport).toBeInstanceOf(HttpTransport);
  });

  it('passes the query object to the binding', async () => {
    const { w, Bindings } = wailsWindow();
    const api = createApi(w);
    await api.listArticles({ offset: 0, limit: 10, sort: 'words' });
    expect(Bindings.ListArticles).toHaveBeenCalledWith({ offset: 0, limit: 10, sort: 'words' });
  });

  it('decodes the formatted Go error', async () => {
    const { w } = wailsWindow();
    await expect(createApi(w).getArticle('x')).rejects.toMatchObject({ code: 'not_found', message: 'no article "x"' });
  });

  it('opens the native folder dialog', async () => {
    const { w } = wailsWindow();
    const api = createApi(w);
    expect(api.inWindow).toBe(true);
    expect(await api.chooseFolder()).toBe('/home/r/news');
  });

  it('relays job events', () => {
    const { w, events } = wailsWindow();
    const got: unknown[] = [];
    createApi(w).onProgress((p) => got.push(p));
    events.get('job:progress')!({ jobId: 'import-1', stage: 'import', done: 1, total: 2 });
    expect(got).toEqual([{ jobId: 'import-1', stage: 'import', done: 1, total: 2 }]);
  });
});

describe('jobError', () => {
  const cases = [
    { name: 'success', in: { jobId: 'j', kind: 'import' }, want: null },
    { name: 'canceled', in: { jobId: 'j', kind: 'import', error: 'import canceled', code: 'canceled' }, want: { code: 'canceled', message: 'import canceled' } },
    { name: 'internal', in: { jobId: 'j', kind: 'import', error: 'Internal error', code: 'internal' }, want: { code: 'internal', message: 'Internal error' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = jobError(c.in);
      expect(got ? { code: got.code, message: got.message } : null).toEqual(c.want);
    });
  }
});
