import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

// A force layout run to its end in one go (in a worker when the browser has
// them), so the page draws the network once, settled, instead of animating
// hundreds of nodes on the main thread.

export interface LayoutInput {
  nodes: { id: string; r: number }[];
  edges: { source: string; target: string; weight: number }[];
  width: number;
  height: number;
}

export interface LayoutOutput {
  x: number[];
  y: number[];
  ms: number;
}

interface N extends SimulationNodeDatum {
  id: string;
  r: number;
}

export function forceLayout(input: LayoutInput): LayoutOutput {
  const t0 = performance.now();
  const nodes: N[] = input.nodes.map((n, i) => {
    // A deterministic start (a sunflower spiral): the same graph lays out
    // the same way every time.
    const a = i * 2.399963;
    const rr = 10 * Math.sqrt(i + 0.5);
    return { id: n.id, r: n.r, x: rr * Math.cos(a), y: rr * Math.sin(a) };
  });
  const maxW = Math.max(1, ...input.edges.map((e) => e.weight));
  const links = input.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight }));
  const sim = forceSimulation(nodes)
    .force(
      'link',
      forceLink<N, (typeof links)[number]>(links)
        .id((d) => d.id)
        .distance((l) => 60 - 30 * (l.weight / maxW))
        .strength((l) => 0.2 + 0.6 * (l.weight / maxW)),
    )
    .force('charge', forceManyBody<N>().strength(-40).distanceMax(300))
    .force('collide', forceCollide<N>((d) => d.r + 2))
    .force('x', forceX<N>(0).strength(0.06))
    .force('y', forceY<N>(0).strength(0.06))
    // A large network cools faster: about 90 steps instead of 300, which
    // took 1.2 s for 500 nodes and barely moved them after the first 90.
    .alphaDecay(input.nodes.length > 200 ? 0.05 : 0.0228)
    .stop();
  const ticks = Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
  for (let i = 0; i < ticks; i++) sim.tick();

  // Fit into the box.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 24;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const k = Math.min((input.width - 2 * pad) / Math.max(1, x1 - x0), (input.height - 2 * pad) / Math.max(1, y1 - y0), 3);
  const ox = (input.width - k * (x1 - x0)) / 2;
  const oy = (input.height - k * (y1 - y0)) / 2;
  return { x: xs.map((x) => ox + k * (x - x0)), y: ys.map((y) => oy + k * (y - y0)), ms: performance.now() - t0 };
}
