import { forceLayout, type LayoutInput } from './forcelayout';

// The network's layout off the page's thread.
self.onmessage = (e: MessageEvent<LayoutInput>) => {
  self.postMessage(forceLayout(e.data));
};
