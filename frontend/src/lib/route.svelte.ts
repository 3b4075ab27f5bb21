// A hash router: the desktop window and `serve` both serve one index.html, so
// routes live after '#' and need nothing from the server.
export type Route =
  | { view: 'library' }
  | { view: 'article'; ref: string }
  | { view: 'compare'; a: string; b: string }
  | { view: 'duplicates' }
  | { view: 'stories' }
  | { view: 'collation'; story: number }
  | { view: 'threads' }
  | { view: 'corrections' }
  | { view: 'story'; id: number; picture?: Picture }
  | { view: 'thread'; id: number; picture?: Picture }
  | { view: 'network'; q: string }
  | { view: 'overview' }
  | { view: 'import' };

// Picture is which drawing of an event or a thread is open.
export type Picture = 'timeline' | 'network';

// storyViews are the views reached from Stories in the header.
export const storyViews: ReadonlySet<Route['view']> = new Set(['stories', 'threads', 'corrections', 'story', 'thread', 'collation']);

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
  if ((head === 'story' || head === 'thread') && rest.length === 1 && /^\d+$/.test(rest[0])) {
    return { view: head, id: Number(rest[0]) };
  }
  if ((head === 'story' || head === 'thread') && rest.length === 2 && /^\d+$/.test(rest[0]) && (rest[1] === 'timeline' || rest[1] === 'network')) {
    return { view: head, id: Number(rest[0]), picture: rest[1] };
  }
  if (head === 'network') return { view: 'network', q: decodeURIComponent(rest.join('/')) };
  if (head === 'overview') return { view: 'overview' };
  if (head === 'story' || head === 'thread') return { view: head === 'story' ? 'stories' : 'threads' };
  if (head === 'import' || head === 'duplicates' || head === 'stories' || head === 'threads' || head === 'corrections') {
    return { view: head };
  }
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

export function storyHref(id: number, picture?: Picture): string {
  return '#/story/' + id + (picture ? '/' + picture : '');
}

export function threadHref(id: number, picture?: Picture): string {
  return '#/thread/' + id + (picture ? '/' + picture : '');
}

// networkHref is the reuse network of a search's hits.
export function networkHref(q: string): string {
  return '#/network/' + encodeURIComponent(q);
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
