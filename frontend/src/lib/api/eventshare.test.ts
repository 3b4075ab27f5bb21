import { describe, expect, it } from 'vitest';
import { HttpTransport, type ChannelLike, type LockManagerLike } from './http';

// A stand-in EventSource that records itself and fires what it is told.
class FakeSource {
  static all: FakeSource[] = [];
  listeners: Record<string, ((ev: { data?: string }) => void)[]> = {};
  constructor(readonly url: string) {
    FakeSource.all.push(this);
  }
  addEventListener(ev: string, fn: (ev: { data?: string }) => void) {
    (this.listeners[ev] ??= []).push(fn);
  }
  fire(ev: string, data?: string) {
    for (const f of this.listeners[ev] ?? []) f({ data });
  }
}

// The tabs of one browser: a lock granted to one holder at a time (a tab
// closing hands it on) and a channel delivering to every other tab.
class FakeBrowser {
  waiting: (() => void)[] = [];
  held = false;
  channels: ChannelLike[] = [];
  locks: LockManagerLike = {
    request: (_name, cb) => {
      const grant = () => {
        this.held = true;
        void cb();
      };
      if (this.held) this.waiting.push(grant);
      else grant();
      return new Promise(() => {});
    },
  };
  // closeLeader lets the lock go, as a tab closing does.
  closeLeader() {
    this.held = false;
    this.waiting.shift()?.();
  }
  tab(): HttpTransport {
    const channel = () => {
      const c: ChannelLike = {
        onmessage: null,
        postMessage: (m) => {
          for (const o of this.channels) if (o !== c) queueMicrotask(() => o.onmessage?.({ data: m } as MessageEvent));
        },
      };
      this.channels.push(c);
      return c;
    };
    return new HttpTransport({
      EventSource: FakeSource as unknown as new (url: string) => EventSource,
      locks: this.locks,
      channel,
    });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('one event stream for every tab of a browser', () => {
  it('opens one stream for seven tabs and relays its events to each', async () => {
    FakeSource.all = [];
    const b = new FakeBrowser();
    const got: string[][] = [];
    const tabs = Array.from({ length: 7 }, (_, i) => {
      const t = b.tab();
      got[i] = [];
      t.subscribe('job:done', (d) => got[i].push((d as { jobId: string }).jobId));
      return t;
    });
    await flush();
    expect(FakeSource.all).toHaveLength(1);
    FakeSource.all[0].fire('open');
    await Promise.all(tabs.map((t) => t.ready()));
    FakeSource.all[0].fire('job:done', JSON.stringify({ jobId: 'j1' }));
    await flush();
    expect(got).toEqual(Array.from({ length: 7 }, () => ['j1']));
  });

  it('relays events the leader itself does not listen for', async () => {
    FakeSource.all = [];
    const b = new FakeBrowser();
    const leader = b.tab();
    const ready = leader.ready();
    FakeSource.all[0].fire('open');
    await ready;
    const follower = b.tab();
    const heard: unknown[] = [];
    follower.subscribe('job:progress', (d) => heard.push(d));
    await flush();
    FakeSource.all[0].fire('job:progress', JSON.stringify({ done: 3 }));
    await flush();
    expect(heard).toEqual([{ done: 3 }]);
  });

  it('hands the stream on when the tab holding it closes', async () => {
    FakeSource.all = [];
    const b = new FakeBrowser();
    const first = b.tab();
    const second = b.tab();
    const heard: unknown[] = [];
    first.subscribe('job:done', () => {});
    second.subscribe('job:done', (d) => heard.push(d));
    await flush();
    expect(FakeSource.all).toHaveLength(1);
    b.channels[0].onmessage = null; // the first tab is gone
    b.closeLeader();
    await flush();
    expect(FakeSource.all).toHaveLength(2);
    FakeSource.all[1].fire('job:done', JSON.stringify({ jobId: 'j2' }));
    expect(heard).toEqual([{ jobId: 'j2' }]);
  });

  it('a tab without a lock or channel keeps its own stream', async () => {
    FakeSource.all = [];
    const t = new HttpTransport({
      EventSource: FakeSource as unknown as new (url: string) => EventSource,
      locks: null,
      channel: null,
    });
    const heard: unknown[] = [];
    t.subscribe('job:done', (d) => heard.push(d));
    FakeSource.all[0].fire('job:done', '{"jobId":"j3"}');
    expect(heard).toEqual([{ jobId: 'j3' }]);
  });
});
