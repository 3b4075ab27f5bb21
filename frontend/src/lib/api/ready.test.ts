import { describe, expect, it } from 'vitest';
import { Api } from './client';
import { HttpTransport } from './http';
import { FakeTransport } from '../testing';
import { JobTracker } from '../stores/job.svelte';

// A stand-in for the browser's EventSource that opens when told to.
class FakeSource {
  static last: FakeSource;
  listeners: Record<string, (() => void)[]> = {};
  constructor(readonly url: string) {
    FakeSource.last = this;
  }
  addEventListener(ev: string, fn: () => void) {
    (this.listeners[ev] ??= []).push(fn);
  }
  fire(ev: string) {
    for (const f of this.listeners[ev] ?? []) f();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the event stream is connected before a job starts', () => {
  it('ready waits for the stream to open', async () => {
    const t = new HttpTransport({ EventSource: FakeSource as unknown as new (url: string) => EventSource });
    let ready = false;
    void t.ready().then(() => (ready = true));
    await flush();
    expect(ready).toBe(false);
    FakeSource.last.fire('open');
    await flush();
    expect(ready).toBe(true);
  });

  it('a stream that fails does not hold the job back', async () => {
    const t = new HttpTransport({ EventSource: FakeSource as unknown as new (url: string) => EventSource });
    let ready = false;
    void t.ready().then(() => (ready = true));
    FakeSource.last.fire('error');
    await flush();
    expect(ready).toBe(true);
  });

  it('a job is asked for only once events can be heard', async () => {
    let open!: () => void;
    const t: FakeTransport & { ready?: () => Promise<void> } = new FakeTransport();
    t.ready = () => new Promise<void>((r) => (open = r));
    const asked: string[] = [];
    const job = new JobTracker(new Api(t));
    const started = job.start(async () => {
      asked.push('start');
      return 'job-1';
    });
    await flush();
    expect(asked).toEqual([]);
    open();
    await started;
    expect(asked).toEqual(['start']);
  });
});
