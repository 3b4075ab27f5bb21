import { scaleUtc } from 'd3-scale';
import type { ReuseArticle, ReuseGraph, ReuseLink } from '../api/types';

// The timeline of an event or a thread: versions placed by their time in one
// lane per outlet, and what later versions repeated drawn as links from the
// version that carried it first. Undated versions are laid out apart, in a
// strip of their own, never at a time nobody knows.

export interface Mark {
  article: ReuseArticle;
  x: number;
  y: number;
  dated: boolean;
}

export interface Lane {
  outlet: string; // '' for versions without an outlet
  y: number; // the lane's centre
}

export interface Arc {
  link: ReuseLink;
  from: Mark;
  to: Mark;
  path: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  left: number; // where the time axis starts (lane labels sit before it)
  lanes: Lane[];
  marks: Mark[];
  arcs: Arc[];
  ticks: { x: number; label: string }[];
  axisY: number;
  undatedY: number; // the undated strip's centre (0: none)
}

const laneHeight = 36;
const top = 64; // room for the arcs bowing above the first lane

export function outletName(o: string): string {
  return o || '(no outlet)';
}

function time(a: ReuseArticle): number | null {
  if (!a.published) return null;
  const t = Date.parse(a.published);
  return Number.isNaN(t) ? null : t;
}

// sourceLinks keeps, for each version and kind, the link from the version
// that carried it first: a passage every outlet copied from one wire story
// reads as a star from that story, not as a web between all the copies.
export function sourceLinks(g: ReuseGraph): ReuseLink[] {
  const at = new Map(g.articles.map((a) => [a.id, a]));
  const key = (l: ReuseLink) => l.to + ':' + l.kind;
  const best = new Map<string, ReuseLink>();
  const earlier = (x: ReuseLink, y: ReuseLink): boolean => {
    const tx = time(at.get(x.from)!) ?? Infinity;
    const ty = time(at.get(y.from)!) ?? Infinity;
    if (tx !== ty) return tx < ty;
    if (x.ordered !== y.ordered) return x.ordered;
    return x.words > y.words || (x.words === y.words && x.from < y.from);
  };
  for (const l of g.links) {
    if (!at.has(l.from) || !at.has(l.to)) continue;
    const b = best.get(key(l));
    if (!b || earlier(l, b)) best.set(key(l), l);
  }
  return [...best.values()];
}

export function layoutTimeline(g: ReuseGraph, width: number): TimelineLayout {
  const left = Math.min(180, Math.max(100, width * 0.2));
  const right = width - 24;
  const dated = g.articles.filter((a) => time(a) !== null);
  const undated = g.articles.filter((a) => time(a) === null);

  // Lanes in the order their outlets first reported.
  const firstSeen = new Map<string, number>();
  for (const a of [...dated].sort((x, y) => time(x)! - time(y)!)) {
    if (!firstSeen.has(a.outlet)) firstSeen.set(a.outlet, firstSeen.size);
  }
  const lanes: Lane[] = [...firstSeen.keys()].map((outlet, i) => ({ outlet, y: top + i * laneHeight + laneHeight / 2 }));
  const laneY = new Map(lanes.map((l) => [l.outlet, l.y]));

  const ts = dated.map((a) => time(a)!);
  let lo = ts.length ? Math.min(...ts) : 0;
  let hi = ts.length ? Math.max(...ts) : 0;
  const pad = Math.max((hi - lo) * 0.04, 6 * 3600 * 1000);
  lo -= pad;
  hi += pad;
  const x = scaleUtc().domain([new Date(lo), new Date(hi)]).range([left, right]);
  const fmt = x.tickFormat();
  const ticks = dated.length
    ? x.ticks(Math.max(2, Math.floor((right - left) / 110))).map((d) => ({ x: x(d), label: fmt(d) }))
    : [];

  const marks: Mark[] = [];
  // Marks at one spot in one lane are nudged apart so each can be clicked.
  const taken = new Map<string, number>();
  for (const a of dated) {
    const mx = x(new Date(time(a)!));
    const y = laneY.get(a.outlet)!;
    const k = a.outlet + ':' + Math.round(mx / 10);
    const n = taken.get(k) ?? 0;
    taken.set(k, n + 1);
    marks.push({ article: a, x: mx + n * 9, y: y + (n % 2 ? 5 : 0), dated: true });
  }
  const axisY = top + lanes.length * laneHeight + 4;
  let undatedY = 0;
  let height = axisY + (dated.length ? 30 : 0);
  if (undated.length) {
    undatedY = height + 34;
    // By outlet, then import order: the strip says nothing about time.
    const sorted = [...undated].sort((p, q) => (p.outlet < q.outlet ? -1 : p.outlet > q.outlet ? 1 : p.id - q.id));
    const step = Math.min(40, (right - left) / Math.max(1, sorted.length));
    sorted.forEach((a, i) => marks.push({ article: a, x: left + step / 2 + i * step, y: undatedY, dated: false }));
    height = undatedY + 36;
  }
  const byID = new Map(marks.map((m) => [m.article.id, m]));
  const arcs: Arc[] = [];
  for (const l of sourceLinks(g)) {
    const from = byID.get(l.from);
    const to = byID.get(l.to);
    if (!from || !to) continue;
    // Arcs bow upwards by their length, so that several from one source
    // fan out instead of lying on each other.
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const bow = Math.min(60, Math.hypot(dx, dy) / 3 + 8);
    const cx = (from.x + to.x) / 2;
    const cy = Math.min(from.y, to.y) - bow;
    arcs.push({ link: l, from, to, path: `M${from.x},${from.y} Q${cx},${cy} ${to.x},${to.y}` });
  }
  return { width, height: Math.max(height, 80), left, lanes, marks, arcs, ticks, axisY, undatedY };
}
