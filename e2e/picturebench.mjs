// Measures how long each picture takes to draw against an existing archive
// and prints a Markdown table for BENCHMARKS.md:
//   node e2e/picturebench.mjs --db PATH [--runs N] [--query WORD]
// For each picture: the API call alone (p50 of N), and from the address
// changing to the picture drawn in Chromium (p50 and the slowest of N), with
// the network's force layout time as the page reports it.
import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from './harness.mjs';

const { values } = parseArgs({
  options: { db: { type: 'string' }, runs: { type: 'string', default: '3' }, query: { type: 'string', default: '' } },
});
if (!values.db) {
  console.error('usage: node e2e/picturebench.mjs --db PATH [--runs N] [--query WORD]');
  process.exit(2);
}
const runs = Number(values.runs);
const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);

const server = await startServer(values.db);
const chrome = await launchBrowser();
const rows = [];
try {
  const page = await chrome.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  // The page's long tasks (over 50 ms on its main thread): how long it
  // stopped answering while a picture was drawn.
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  chrome.context.setDefaultTimeout(600000);
  const get = async (path) => {
    const t = performance.now();
    const res = await page.request.get(server.url + 'api/' + path, { timeout: 600000 });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    const body = await res.json();
    return { ms: performance.now() - t, body };
  };
  const facets = (await get('facets')).body;
  const event = (await get('events?limit=1')).body[0];
  const thread = (await get('threads?limit=1')).body[0];
  console.error('largest event', event.id, 'thread', thread.id);
  let query = values.query;
  if (!query) {
    // A word of the first article's title that matches at least 500 articles.
    const first = (await get('articles?limit=1')).body.articles[0];
    for (const w of first.title.split(/\W+/).filter((x) => x.length > 3)) {
      if ((await get('search?q=' + encodeURIComponent(w) + '&limit=500')).body.length >= 500) {
        query = w;
        break;
      }
    }
  }

  async function measure(name, api, hash, drawn, extra) {
    console.error('measuring', name);
    const apiTimes = [];
    const drawTimes = [];
    let info = '';
    let longest = 0;
    let cold = 0;
    for (let i = 0; i < runs; i++) {
      apiTimes.push((await get(api)).ms);
      if (i === 0) cold = apiTimes[0];
      await page.goto(server.url + '#/');
      await page.evaluate(() => (window.__long = []));
      const t = performance.now();
      await page.goto(server.url + hash);
      await page.locator(drawn).first().waitFor({ state: 'attached' });
      drawTimes.push(performance.now() - t);
      await page.waitForTimeout(300);
      longest = Math.max(longest, ...(await page.evaluate(() => window.__long)), 0);
      if (extra) info = await extra();
    }
    rows.push(
      `| ${name} | ${ms(cold)} | ${ms(p50(apiTimes))} | ${ms(p50(drawTimes))} | ${ms(Math.max(...drawTimes))} | ${longest ? ms(longest) : 'none'} | ${info} |`,
    );
  }

  const evSize = event.articles?.length ?? 0;
  await measure(`timeline of the largest event (${evSize} versions)`, `reuse?event=${event.id}`, `#/story/${event.id}/timeline`, '[data-testid=timeline-mark]');
  await measure(`timeline of the largest thread (${thread.articles?.length ?? 0} versions)`, `reuse?thread=${thread.id}`, `#/thread/${thread.id}/timeline`, '[data-testid=timeline-mark]');
  const netInfo = async () => {
    const svg = page.getByTestId('network');
    return `${await svg.getAttribute('data-nodes')} nodes, ${await page.getByTestId('network-edge').count()} edges, layout ${await svg.getAttribute('data-layout-ms')} ms in a worker`;
  };
  await measure(`reuse network of the largest event`, `reuse?event=${event.id}`, `#/story/${event.id}/network`, '[data-testid=network][data-layout-ms]', netInfo);
  await measure(`reuse network of a search for "${query}" (500 hits)`, `reuse?q=${encodeURIComponent(query)}`, `#/network/${encodeURIComponent(query)}`, '[data-testid=network][data-layout-ms]', netInfo);
  await measure('archive overview (by month)', 'overview?period=month', '#/overview', '[data-testid=chart-events]');
  await measure(`collation heat of the largest event`, `collation?story=${event.id}`, `#/story/${event.id}/collation`, '[data-testid=collation-row][data-heat]');

  console.log(`Archive: ${facets.articles} articles. Runs: ${runs}.\n`);
  console.log('| picture | API, first call | API (p50) | address to drawn (p50) | slowest | longest main-thread task | notes |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(r);
} finally {
  await chrome.close();
  await server.stop();
}
