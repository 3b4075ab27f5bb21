import { describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import { FakeTransport, deferred } from '../testing';
import { JobTracker } from './job.svelte';

function setup() {
  const t = new FakeTransport();
  const api = new Api(t);
  t.handlers.CancelJob = () => ({});
  let finished = 0;
  const job = new JobTracker<{ added: number }>(api, { onDone: () => finished++ });
  return { t, api, job, finished: () => finished };
}

describe('JobTracker', () => {
  it('ends done when job:done arrives before the start call answers', async () => {
    const { t, job, finished } = setup();
    const started = deferred<string>();
    const run = job.start(() => started.promise);
    expect(job.status).toBe('starting');
    t.emit('job:progress', { jobId: 'import-1', stage: 'importing', done: 3, total: 3 });
    t.emit('job:done', { jobId: 'import-1', kind: 'import', result: { added: 3 } });
    started.resolve('import-1');
    await run;
    expect(job.status).toBe('done');
    expect(job.running).toBe(false);
    expect(job.result).toEqual({ added: 3 });
    expect(job.progress?.done).toBe(3);
    expect(finished()).toBe(1);
  });

  it('drops early events of other jobs', async () => {
    const { t, job } = setup();
    const started = deferred<string>();
    const run = job.start(() => started.promise);
    t.emit('job:progress', { jobId: 'analyze-4', stage: 'features', done: 1, total: 9 });
    t.emit('job:done', { jobId: 'analyze-4', kind: 'analyze', result: { added: 0 } });
    started.resolve('import-1');
    await run;
    expect(job.status).toBe('running');
    expect(job.progress).toBeNull();
    expect(job.result).toBeNull();
  });

  it('keeps the progress of its own job only', async () => {
    const { t, job } = setup();
    await job.start(async () => 'import-1');
    t.emit('job:progress', { jobId: 'import-1', stage: 'importing', done: 2, total: 10 });
    t.emit('job:progress', { jobId: 'analyze-4', stage: 'features', done: 7, total: 9 });
    expect(job.progress).toEqual({ jobId: 'import-1', stage: 'importing', done: 2, total: 10 });
    t.emit('job:progress', { jobId: 'import-1', stage: 'importing', done: 5, total: 10 });
    expect(job.progress?.done).toBe(5);
    expect(job.status).toBe('running');
  });

  it('cancels its job and ends canceled, not failed', async () => {
    const { t, job, finished } = setup();
    await job.start(async () => 'import-1');
    await job.cancel();
    expect(t.calls.at(-1)).toMatchObject({ binding: 'CancelJob', args: ['import-1'] });
    expect(job.running).toBe(true); // until the service says the job stopped
    t.emit('job:done', { jobId: 'import-1', kind: 'import', error: 'import canceled', code: 'canceled', result: { added: 1 } });
    expect(job.status).toBe('canceled');
    expect(job.error).toBeNull();
    expect(job.result).toEqual({ added: 1 });
    expect(finished()).toBe(1);
  });

  it('sends a cancel asked before the start call answered once the id is known', async () => {
    const { t, job } = setup();
    const started = deferred<string>();
    const run = job.start(() => started.promise);
    await job.cancel();
    expect(t.calls).toEqual([]);
    started.resolve('import-1');
    await run;
    expect(t.calls.map((c) => [c.binding, c.args])).toEqual([['CancelJob', ['import-1']]]);
  });

  it('does not cancel a job that already ended', async () => {
    const { t, job } = setup();
    const started = deferred<string>();
    const run = job.start(() => started.promise);
    await job.cancel();
    t.emit('job:done', { jobId: 'import-1', kind: 'import', result: { added: 1 } });
    started.resolve('import-1');
    await run;
    expect(job.status).toBe('done');
    expect(t.calls).toEqual([]);
  });

  it('shows a failed cancel', async () => {
    const { t, job } = setup();
    t.handlers.CancelJob = () => {
      throw { error: { code: 'not_found', message: 'no job import-1' } };
    };
    await job.start(async () => 'import-1');
    await job.cancel();
    expect(job.error?.message).toBe('no job import-1');
  });

  it('records a failed job with its code and message', async () => {
    const { t, job } = setup();
    await job.start(async () => 'import-1');
    t.emit('job:done', { jobId: 'import-1', kind: 'import', error: 'the disk holding a.db is full', code: 'disk_full' });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('disk_full');
    expect(job.error?.message).toBe('the disk holding a.db is full');
  });

  it('records a start call that fails, and listens no more', async () => {
    const { t, job, finished } = setup();
    await job.start(async () => {
      throw { error: { code: 'read_only', message: 'the archive a.db is read-only' } };
    });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('read_only');
    t.emit('job:done', { jobId: 'import-1', kind: 'import' });
    expect(finished()).toBe(0);
  });

  it('goes back to idle when no job was started', async () => {
    const { job } = setup();
    await job.start(async () => null);
    expect(job.status).toBe('idle');
    expect(job.running).toBe(false);
  });

  it('runs one job at a time and clears the last one on a new start', async () => {
    const { t, job } = setup();
    let starts = 0;
    await job.start(async () => 'job-' + ++starts);
    await job.start(async () => 'job-' + ++starts);
    expect(starts).toBe(1);
    t.emit('job:done', { jobId: 'job-1', kind: 'import', error: 'bad', code: 'invalid' });
    await job.start(async () => 'job-' + ++starts);
    expect(job).toMatchObject({ id: 'job-2', status: 'running', error: null, result: null });
    // The old job's events no longer reach it.
    t.emit('job:done', { jobId: 'job-1', kind: 'import' });
    expect(job.status).toBe('running');
  });

  it('stops listening when disposed', async () => {
    const { t, job, finished } = setup();
    await job.start(async () => 'import-1');
    job.dispose();
    t.emit('job:done', { jobId: 'import-1', kind: 'import' });
    expect(job.status).toBe('running');
    expect(finished()).toBe(0);
  });
});
