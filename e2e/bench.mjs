// Measures the browser build against an existing archive and prints a
// Markdown section for BENCHMARKS.md:
//   node e2e/bench.mjs --db PATH [--runs N]
// - launch: `serve` start to listening, and page load to the first library
//   rows (cold, then warm);
// - search as you type: one input event to its hits rendered, p50/p95;
// - scrolling the library: frame intervals while scrolling fast, frames over
//   budget, and frames that showed rows still loading.
import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from './harness.mjs';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } } });
if (!values.db) {
  console.error('usage: node e2e/bench.mjs --db PATH [--runs N]');
  process.exit(2);
}
const runs = Number(values.runs);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const t0 = performance.now();
const server = await startServer(values.db);
const serverStart = performance.now() - t0;
const chrome = await launchBrowser();

try {
  // Launch to the first library page.
  const loads = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const page = await chrome.context.newPage();
    const start = performance.now();
    await page.goto(server.url);
    await page.locator('[role=row][aria-rowindex="2"] a').waitFor({ timeout: 60000 });
    loads.push(performance.now() - start);
    if (i === 0) total = Number((await page.getByText(/^\d+ articles$/).textContent()).split(' ')[0]);
    await page.close();
  }

  const page = await chrome.context.newPage();
  await page.goto(server.url);
  await page.locator('[role=row][aria-rowindex="2"] a').waitFor({ timeout: 60000 });

  // Queries: words taken from the archive's own articles (common and rare),
  // and their first letters, as typed.
  const ids = (await (await page.request.get(server.url + 'api/articles?limit=20')).json()).articles.map((a) => a.id);
  const words = new Set();
  for (const id of ids) {
    const d = await (await page.request.get(server.url + 'api/articles/' + id)).json();
    const ws = d.text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
    for (let k = 0; k < ws.length && words.size < 12; k += 37) words.add(ws[k]);
  }
  const queries = [...words].flatMap((w) => [w.slice(0, 3), w]);
  const searchTimes = [];
  const apiTimes = [];
  for (const q of queries) {
    const took = await page.evaluate(async (q) => {
      const box = document.querySelector('[data-testid=search]');
      const start = performance.now();
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // Done when the hits list shows the answer to q (or says none matched).
      while (true) {
        await new Promise((r) => requestAnimationFrame(r));
        const list = document.querySelector('[data-testid=hits]');
        if (list && list.dataset.query === q) return performance.now() - start;
        if (performance.now() - start > 30000) return -1;
      }
    }, q);
    if (took < 0) throw new Error(`search for ${q} showed no results in 30 s`);
    searchTimes.push(took);
    const t = performance.now();
    await page.request.get(server.url + 'api/search?limit=50&q=' + encodeURIComponent(q));
    apiTimes.push(performance.now() - t);
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid=search]');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('[role=grid]').waitFor();
  }

  // Scrolling: 20 rows a frame for 3 s, then a jump to the middle.
  const scroll = await page.evaluate(async () => {
    const vp = document.querySelector('.viewport');
    const frames = [];
    let loadingFrames = 0;
    let last = performance.now();
    const end = last + 3000;
    while (performance.now() < end) {
      vp.scrollTop += 640;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      if (vp.querySelector('.loading')) loadingFrames++;
    }
    const jumpStart = performance.now();
    vp.scrollTop = vp.scrollHeight / 2;
    while (true) {
      await new Promise((r) => requestAnimationFrame(r));
      if (!vp.querySelector('.loading') && vp.querySelector('.row a')) break;
    }
    return { frames, loadingFrames, jump: performance.now() - jumpStart, rows: vp.querySelectorAll('.row').length };
  });

  const over = scroll.frames.filter((f) => f > 1000 / 60 + 8).length;
  console.log(`## User interface (browser build)

\`node e2e/bench.mjs --db ARCHIVE\` (run by scripts/bench.d/ui.sh): Debian Chromium headless,
\`storydiff-cli serve\` on loopback, ${total.toLocaleString('en')} articles.

| Measure | Result |
|---|---|
| serve: start to listening | ${ms(serverStart)} |
| page load to first library rows, cold (first of ${runs}) | ${ms(loads[0])} |
| page load to first library rows, warm (median of ${runs - 1}) | ${ms(pct(loads.slice(1), 50))} |
| search as you type, input to hits shown: p50 / p95 / max (${queries.length} queries) | ${ms(pct(searchTimes, 50))} / ${ms(pct(searchTimes, 95))} / ${ms(Math.max(...searchTimes))} |
| the same searches, HTTP round trip only: p50 / p95 | ${ms(pct(apiTimes, 50))} / ${ms(pct(apiTimes, 95))} |
| scrolling 20 rows a frame for 3 s: frames, median / p95 interval | ${scroll.frames.length}, ${ms(pct(scroll.frames, 50))} / ${ms(pct(scroll.frames, 95))} |
| frames over budget (more than 24.7 ms) | ${over} of ${scroll.frames.length} |
| frames showing rows still loading | ${scroll.loadingFrames} of ${scroll.frames.length} |
| jump to the middle row to rows shown | ${ms(scroll.jump)} |
| rows in the DOM while scrolling | ${scroll.rows} |
`);
} finally {
  await chrome.close();
  await server.stop();
}
