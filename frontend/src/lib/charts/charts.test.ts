import { describe, expect, it } from 'vitest';
import type { ReuseGraph } from '../api/types';
import { layoutTimeline, sourceLinks } from './timeline';
import { buildNet } from './network';
import { forceLayout } from './forcelayout';

const graph: ReuseGraph = {
  label: 'test',
  articles: [
    { id: 1, title: 'wire', outlet: 'Wire', published: '2024-01-01T08:00:00Z', words: 300 },
    { id: 2, title: 'copy a', outlet: 'A', published: '2024-01-01T12:00:00Z', words: 300 },
    { id: 3, title: 'copy b', outlet: 'B', published: '2024-01-02T09:00:00Z', words: 300 },
    { id: 4, title: 'undated', outlet: 'A', published: null, words: 300 },
  ],
  links: [
    { from: 1, to: 2, kind: 'passage', ordered: true, words: 120, score: 1 },
    { from: 1, to: 3, kind: 'passage', ordered: true, words: 100, score: 1 },
    { from: 2, to: 3, kind: 'passage', ordered: true, words: 100, score: 1 },
    { from: 1, to: 4, kind: 'quote', ordered: false, words: 12, score: 1 },
  ],
};

describe('timeline', () => {
  it('draws each repeat from the version that carried it first', () => {
    const kept = sourceLinks(graph).map((l) => `${l.from}>${l.to}`);
    expect(kept.sort()).toEqual(['1>2', '1>3', '1>4']);
  });

  it('places dated versions by time in outlet lanes and undated ones apart', () => {
    const l = layoutTimeline(graph, 800);
    expect(l.lanes.map((x) => x.outlet)).toEqual(['Wire', 'A', 'B']);
    const at = new Map(l.marks.map((m) => [m.article.id, m]));
    expect(at.get(1)!.x).toBeLessThan(at.get(2)!.x);
    expect(at.get(2)!.x).toBeLessThan(at.get(3)!.x);
    expect(at.get(4)!.dated).toBe(false);
    expect(at.get(4)!.y).toBe(l.undatedY);
    expect(l.undatedY).toBeGreaterThan(l.axisY);
    expect(l.marks.filter((m) => m.dated).every((m) => m.y < l.axisY)).toBe(true);
  });

  it('leaves out the undated strip when every version is dated', () => {
    const l = layoutTimeline({ ...graph, articles: graph.articles.slice(0, 3) }, 800);
    expect(l.undatedY).toBe(0);
  });
});

describe('network', () => {
  it('weighs article edges by words shared and sums them by outlet', () => {
    const byArticle = buildNet(graph, 'article');
    expect(byArticle.nodes).toHaveLength(4);
    expect(byArticle.edges[0]).toMatchObject({ a: 1, b: 2, words: 120 });
    const byOutlet = buildNet(graph, 'outlet');
    expect(byOutlet.nodes.map((n) => n.label).sort()).toEqual(['A', 'B', 'Wire']);
    const wireA = byOutlet.edges.find((e) => e.source === 'oA' && e.target === 'oWire')!;
    // 1-2 (120 words of passage) and 1-4 (a quote of 12 words).
    expect(wireA.words).toBe(132);
    expect([wireA.a, wireA.b]).toEqual([1, 2]);
  });

  it('lays 500 nodes out inside the box, the same way every time', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => ({ id: 'n' + i, r: 6 }));
    const edges = Array.from({ length: 1500 }, (_, i) => ({ source: 'n' + (i % 500), target: 'n' + ((i * 7 + 3) % 500), weight: 1 + (i % 9) }));
    const a = forceLayout({ nodes, edges, width: 900, height: 700 });
    const b = forceLayout({ nodes, edges, width: 900, height: 700 });
    expect(a.x).toEqual(b.x);
    for (let i = 0; i < 500; i++) {
      expect(a.x[i]).toBeGreaterThanOrEqual(0);
      expect(a.x[i]).toBeLessThanOrEqual(900);
      expect(a.y[i]).toBeGreaterThanOrEqual(0);
      expect(a.y[i]).toBeLessThanOrEqual(700);
    }
    // Two layouts of 500 nodes take about a second; a shared machine under
    // load has taken six, past Vitest's default limit of five.
  }, 30_000);
});
