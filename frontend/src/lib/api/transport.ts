// A Transport carries one call to the app service. Each call is described
// once, with both its Wails binding name and its HTTP route, so the client
// stays the same in the desktop window and in the browser.
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
}

export interface Call {
  binding: string;
  args: unknown[];
  http: HttpRoute;
}

export type Unsubscribe = () => void;

export interface Transport {
  readonly kind: 'wails' | 'http';
  call<T>(c: Call): Promise<T>;
  subscribe(event: string, handler: (data: unknown) => void): Unsubscribe;
  // ready resolves once events can be heard (the browser's event stream is
  // connected); absent where they always can (the window).
  ready?(): Promise<void>;
}
