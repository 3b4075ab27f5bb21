import type { ReuseGraph } from '../api/types';
import { outletName } from './timeline';

// The reuse network of a set of articles: articles (or their outlets) as
// nodes, what they share as edges weighted by the words shared.

export type NodeMode = 'article' | 'outlet';

export interface NetNode {
  id: string;
  label: string;
  articles: number[];
  outlet: string;
}

export interface NetEdge {
  source: string;
  target: string;
  words: number; // shared, all kinds together
  kinds: string[];
  // The article pair sharing the most, which a click compares.
  a: number;
  b: number;
  pairWords: number;
}

export interface Net {
  nodes: NetNode[];
  edges: NetEdge[];
}

export function buildNet(g: ReuseGraph, mode: NodeMode): Net {
  const at = new Map(g.articles.map((a) => [a.id, a]));
  const nodeOf = (id: number) => (mode === 'article' ? 'a' + id : 'o' + (at.get(id)?.outlet ?? ''));
  const nodes = new Map<string, NetNode>();
  for (const a of g.articles) {
    const id = nodeOf(a.id);
    let n = nodes.get(id);
    if (!n) {
      n = {
        id,
        label: mode === 'article' ? a.title || '(untitled)' : outletName(a.outlet),
        articles: [],
        outlet: a.outlet,
      };
      nodes.set(id, n);
    }
    n.articles.push(a.id);
  }
  // Words shared by each article pair (all kinds), then summed by node pair.
  const pairs = new Map<string, { a: number; b: number; words: number; kinds: Set<string> }>();
  for (const l of g.links) {
    if (!at.has(l.from) || !at.has(l.to)) continue;
    const [a, b] = l.from < l.to ? [l.from, l.to] : [l.to, l.from];
    const k = a + ':' + b;
    let p = pairs.get(k);
    if (!p) pairs.set(k, (p = { a, b, words: 0, kinds: new Set() }));
    // A duplicate pair and its passages are the same words: count the larger.
    p.words = l.kind === 'quote' ? p.words + l.words : Math.max(p.words, l.words);
    p.kinds.add(l.kind);
  }
  const edges = new Map<string, NetEdge>();
  for (const p of pairs.values()) {
    const s = nodeOf(p.a);
    const t = nodeOf(p.b);
    if (s === t) continue; // one outlet reusing its own text: not an edge between outlets
    const [x, y] = s < t ? [s, t] : [t, s];
    const k = x + '|' + y;
    let e = edges.get(k);
    if (!e) edges.set(k, (e = { source: x, target: y, words: 0, kinds: [], a: p.a, b: p.b, pairWords: 0 }));
    e.words += p.words;
    for (const kind of p.kinds) if (!e.kinds.includes(kind)) e.kinds.push(kind);
    if (p.words > e.pairWords) {
      e.pairWords = p.words;
      e.a = p.a;
      e.b = p.b;
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()].sort((p, q) => q.words - p.words) };
}
