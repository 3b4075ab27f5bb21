import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import { FakeTransport, deferred } from '../testing';
import { ImportStore } from './importer.svelte';

function setup() {
  const t = new FakeTransport();
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const asked: string[][] = [];
  t.handlers.StartImport = (paths: string[]) => (asked.push(paths), { jobId: 'import-1' });
  t.handlers.CancelJob = () => ({});
  const store = new ImportStore(new Api(t), () => now);
  return { t, store, clock, asked };
}

const summary = { files_seen: 3, added: 2, already_present: 0, failed: [{ path: '/x/bad.bin', error: 'binary file' }], articles: [1, 2] };

describe('ImportStore', () => {
  it('refuses to start without a path', async () => {
    const { store, asked } = setup();
    store.paths = ' \n ';
    await store.start();
    expect(store.error?.code).toBe('invalid');
    expect(asked).toEqual([]);
  });

  it('sends one path per non-empty line', async () => {
    const { store, asked } = setup();
    store.paths = '/news/a\n\n  /news/b  \r\n';
    await store.start();
    expect(asked).toEqual([['/news/a', '/news/b']]);
    expect(store.jobId).toBe('import-1');
    expect(store.running).toBe(true);
  });

  it('estimates the time left from the rate so far', async () => {
    const { t, store, clock } = setup();
    store.paths = '/news';
    await store.start();
    expect(store.etaSeconds()).toBeNull();
    clock.advance(10_000);
    t.emit('job:progress', { jobId: 'import-1', stage: 'import', done: 25, total: 100 });
    expect(store.progress?.done).toBe(25);
    expect(store.etaSeconds()).toBeCloseTo(30);
  });

  it('ignores progress of other jobs', async () => {
    const { t, store } = setup();
    store.paths = '/news';
    await store.start();
    t.emit('job:progress', { jobId: 'analyse-7', stage: 'x', done: 1, total: 2 });
    expect(store.progress).toBeNull();
  });

  it('keeps the summary with every failed file and tells listeners', async () => {
    const { t, store } = setup();
    const seen: unknown[] = [];
    store.onFinished((s) => seen.push(s));
    store.paths = '/news';
    await store.start();
    t.emit('job:done', { jobId: 'import-1', kind: 'import', result: summary });
    expect(store.running).toBe(false);
    expect(store.summary?.failed).toEqual([{ path: '/x/bad.bin', error: 'binary file' }]);
    expect(seen).toEqual([summary]);
  });

  it('handles a job that ends before its start call answers', async () => {
    const t = new FakeTransport();
    const started = deferred<{ jobId: string }>();
    t.handlers.StartImport = () => started.promise;
    const store = new ImportStore(new Api(t));
    store.paths = '/news';
    const run = store.start();
    t.emit('job:done', { jobId: 'import-1', kind: 'import', result: summary });
    started.resolve({ jobId: 'import-1' });
    await run;
    expect(store.running).toBe(false);
    expect(store.summary?.added).toBe(2);
  });

  it('reports a cancel as canceled, not as an error', async () => {
    const { t, store } = setup();
    store.paths = '/news';
    await store.start();
    await store.cancel();
    expect(t.calls.at(-1)).toMatchObject({ binding: 'CancelJob', args: ['import-1'] });
    t.emit('job:done', { jobId: 'import-1', kind: 'import', error: 'import canceled', code: 'canceled', result: { ...summary, failed: [] } });
    expect(store.canceled).toBe(true);
    expect(store.error).toBeNull();
  });

  it('shows a failed job error', async () => {
    const { t, store } = setup();
    store.paths = '/news';
    await store.start();
    t.emit('job:done', { jobId: 'import-1', kind: 'import', error: 'the archive is read-only', code: 'invalid' });
    expect(store.error?.message).toBe('the archive is read-only');
  });
});
