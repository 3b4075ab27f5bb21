import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import { FakeTransport } from '../testing';
import { AnalysisStore } from './analysis.svelte';

describe('AnalysisStore', () => {
  it('runs one analysis and keeps its summary', async () => {
    const t = new FakeTransport();
    let started = 0;
    t.handlers.StartAnalyze = () => ({ jobId: 'analyze-' + ++started });
    const store = new AnalysisStore(new Api(t));
    await store.start();
    await store.start(); // ignored while running
    expect(started).toBe(1);
    t.emit('job:progress', { jobId: 'analyze-1', stage: 'features', done: 2, total: 5 });
    expect(store.progress?.done).toBe(2);
    t.emit('job:done', { jobId: 'analyze-1', kind: 'analyze', result: { articles: 5, stories: 2 } });
    expect(store.running).toBe(false);
    expect(store.summary?.stories).toBe(2);
    expect(store.generation).toBe(1);
  });

  it('ignores the end of other jobs', async () => {
    const t = new FakeTransport();
    t.handlers.StartAnalyze = () => ({ jobId: 'analyze-1' });
    const store = new AnalysisStore(new Api(t));
    await store.start();
    t.emit('job:done', { jobId: 'import-1', kind: 'import', result: {} });
    expect(store.running).toBe(true);
    expect(store.generation).toBe(0);
  });

  it('shows a failed analysis in words', async () => {
    const t = new FakeTransport();
    t.handlers.StartAnalyze = () => ({ jobId: 'analyze-1' });
    const store = new AnalysisStore(new Api(t));
    await store.start();
    t.emit('job:done', { jobId: 'analyze-1', kind: 'analyze', error: 'the archive is read-only', code: 'invalid' });
    expect(store.error?.message).toBe('the archive is read-only');
    expect(store.summary).toBeNull();
  });
});
