// A hash router: the desktop window and `serve` both serve one index.html, so
// routes live after '#' and need nothing from the server.
export type Route =
  | { view: 'library' }
  | { view: 'article'; ref: string }
  | { view: 'compare'; a: string; b: string }
  | { view: 'duplicates' }
  | { view: 'stories' }
  | { view: 'collation'; story: number }
  | { view: 'import' };

export function parseRoute(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [head, ...rest] = h.split('/');
  if (head === 'article' && rest.length > 0) {
    return { view: 'article', ref: decodeURIComponent(rest.join('/')) };
  }
  if (head === 'compare' && rest.length === 2) {
    return { view: 'compare', a: decodeURIComponent(rest[0]), b: decodeURIComponent(rest[1]) };
  }
  if (head === 'story' && rest.length === 2 && rest[1] === 'collation' && /^\d+$/.test(rest[0])) {
    return { view: 'collation', story: Number(rest[0]) };
  }
  if (head === 'import' || head === 'duplicates' || head === 'stories') return { view: head };
  return { view: 'library' };
}

export function articleHref(ref: string | number): string {
  return '#/article/' + encodeURIComponent(String(ref));
}

export function compareHref(a: string | number, b: string | number): string {
  return '#/compare/' + encodeURIComponent(String(a)) + '/' + encodeURIComponent(String(b));
}

// collationHref is a story's collation: its versions side by side, sentence
// by sentence.
export function collationHref(story: number): string {
  return '#/story/' + story + '/collation';
}

class Router {
  route = $state<Route>(parseRoute(typeof location !== 'undefined' ? location.hash : ''));
  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
    }
  }
}

export const router = new Router();
