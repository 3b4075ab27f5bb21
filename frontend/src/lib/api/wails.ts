import { AppError, toAppError } from './errors';
import type { Call, Transport, Unsubscribe } from './transport';

// The globals the Wails v2 runtime injects into the desktop window. Bound Go
// methods live under window.go.<package>.<Type>.<Method> and return promises;
// a Go error rejects the promise with the error's text, which our bindings
// make a JSON {code, message}.
type Bound = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface WailsGlobals {
  go?: { desktop?: { Bindings?: Bound } };
  runtime?: { EventsOn: (name: string, cb: (...data: unknown[]) => void) => () => void };
}

export function hasWails(w: unknown): boolean {
  const g = w as WailsGlobals | undefined;
  return !!g?.go?.desktop?.Bindings && !!g.runtime;
}

export class WailsTransport implements Transport {
  readonly kind = 'wails' as const;
  constructor(private readonly w: WailsGlobals) {}

  async call<T>(c: Call): Promise<T> {
    const fn = this.w.go?.desktop?.Bindings?.[c.binding];
    if (typeof fn !== 'function') throw new AppError('internal', 'Internal error');
    try {
      return (await fn(...c.args)) as T;
    } catch (e) {
      throw toAppError(e);
    }
  }

  subscribe(event: string, handler: (data: unknown) => void): Unsubscribe {
    if (!this.w.runtime) return () => {};
    return this.w.runtime.EventsOn(event, (data: unknown) => handler(data));
  }
}
