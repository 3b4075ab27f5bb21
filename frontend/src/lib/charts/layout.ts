import { forceLayout, type LayoutInput, type LayoutOutput } from './forcelayout';

// runLayout lays a network out in a worker, or on this thread where there
// are no workers (tests).
export function runLayout(input: LayoutInput): Promise<LayoutOutput> {
  if (typeof Worker === 'undefined') return Promise.resolve(forceLayout(input));
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<LayoutOutput>) => {
      resolve(e.data);
      w.terminate();
    };
    w.onerror = (e) => {
      w.terminate();
      // A worker the page may not start still gets a layout, on this thread.
      try {
        resolve(forceLayout(input));
      } catch {
        reject(e);
      }
    };
    w.postMessage(input);
  });
}
