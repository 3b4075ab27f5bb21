import type { Call, Transport, Unsubscribe } from './api/transport';

// FakeTransport answers calls by binding name and lets tests emit events; it
// records every call so tests can check what the client sent.
export class FakeTransport implements Transport {
  readonly kind: 'wails' | 'http';
  calls: Call[] = [];
  handlers: Record<string, (...args: any[]) => unknown> = {};
  private listeners = new Map<string, Set<(d: unknown) => void>>();

  constructor(kind: 'wails' | 'http' = 'http') {
    this.kind = kind;
  }

  async call<T>(c: Call): Promise<T> {
    this.calls.push(c);
    const h = this.handlers[c.binding];
    if (!h) throw new Error('no fake for ' + c.binding);
    return (await h(...c.args)) as T;
  }

  subscribe(event: string, handler: (data: unknown) => void): Unsubscribe {
    let s = this.listeners.get(event);
    if (!s) this.listeners.set(event, (s = new Set()));
    s.add(handler);
    return () => s.delete(handler);
  }

  emit(event: string, data: unknown): void {
    for (const h of this.listeners.get(event) ?? []) h(data);
  }
}

// deferred returns a promise and the functions that settle it, to control
// the order in which fake answers arrive.
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
