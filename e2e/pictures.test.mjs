// End-to-end: the first run from an empty archive to the sample, then each
// picture drawn from the sample (a thread's timeline, an event's reuse
// network, the archive overview, the collation's heat): each opens, a mark
// or an edge leads to the text, charts save as SVG and PNG, and the page
// reports no Content-Security-Policy violation.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';

let dir, server, chrome, page, problems;
let sample = null;

const shots = join(root, 'build', 'screens');
const snap = (name) => page.screenshot({ path: join(shots, `pictures-${name}.png`) });

before(async () => {
  dir = tempDir('storydiff-e2e-pictures-');
  server = await startServer(join(dir, 'archive.db'));
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  mkdirSync(shots, { recursive: true });
  problems = watch(page);
  // Violations are also events on the document: collect them in the page.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  chrome.context.setDefaultTimeout(20000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function noViolations() {
  const csp = await page.evaluate(() => window.__csp ?? []);
  assert.deepEqual(csp, [], 'Content-Security-Policy violations');
  assert.deepEqual(problems, [], 'console errors');
}

test('an empty archive offers the sample, which opens in one click', async () => {
  await page.goto(server.url);
  await page.getByTestId('sample-offer').waitFor();
  await snap('first-run-empty');
  await page.getByTestId('open-sample').click();
  await page.getByTestId('sample-guide').waitFor();
  await page.getByText('6 articles').waitFor();
  const res = await page.request.get(server.url + 'api/archive');
  const info = await res.json();
  assert.equal(info.sample, true);
  assert.equal(info.articles, 6);
  assert.notEqual(info.path, info.home, 'the sample is not the user archive');
  sample = await (await page.request.post(server.url + 'api/sample')).json();
  await snap('first-run-sample');
  await noViolations();
});

test("the thread's timeline places its versions and leads to their text", async (t) => {
  if (!sample) return t.skip('the sample did not open');
  await page.getByTestId('guide-timeline').click();
  const svg = page.getByTestId('timeline');
  await svg.waitFor();
  const marks = page.getByTestId('timeline-mark');
  assert.equal(await marks.count(), 6, 'one mark per version, the undated ones too');
  assert.ok((await page.getByTestId('timeline-link').count()) > 0, 'links between versions');
  // The undated versions are laid out apart, and said to be.
  await page.getByText('no time is known').waitFor();
  await page.getByTestId('chart-timeline').getByRole('button', { name: 'Show as table' }).click();
  await page.getByTestId('timeline-table').waitFor();
  await snap('timeline');
  // A mark opens its version.
  const label = await marks.first().getAttribute('aria-label');
  await marks.first().click();
  await page.waitForURL(/#\/article\/\d+$/);
  assert.ok(label && label.length > 5);
  // An arc opens the comparison of the two versions, from the keyboard too.
  await page.goBack();
  await page.getByTestId('timeline-link').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/compare\/\d+\/\d+$/);
  await noViolations();
});

test("an event's reuse network leads from an edge to the aligned comparison", async (t) => {
  if (!sample) return t.skip('the sample did not open');
  await page.goto(server.url + `#/story/${sample.event}/network`);
  const svg = page.getByTestId('network');
  await svg.waitFor();
  await page.locator('[data-testid=network][data-layout-ms]').waitFor();
  assert.ok((await page.getByTestId('network-node').count()) >= 2);
  const edges = page.getByTestId('network-edge');
  assert.ok((await edges.count()) >= 1, 'edges for what the versions share');
  await snap('network');
  await edges.first().click();
  await page.waitForURL(/#\/compare\/\d+\/\d+$/);
  await page.getByTestId('mode').waitFor();
  // Outlets as nodes: the sample's articles name no outlet, so one node.
  await page.goBack();
  await page.getByTestId('network-outlets').check();
  await page.locator('[data-testid=network][data-nodes="1"]').waitFor();
  await noViolations();
});

test('the archive overview draws, filters, reads as a table and saves as SVG and PNG', async (t) => {
  if (!sample) return t.skip('the sample did not open');
  await page.goto(server.url + '#/overview');
  await page.getByTestId('bars-over-time').waitFor();
  await page.getByTestId('overview-summary').waitFor();
  assert.match(await page.getByTestId('overview-summary').textContent(), /6 articles/);
  await page.getByTestId('overview-period').selectOption('week');
  await page.getByTestId('bars-over-time').waitFor();
  await page.getByTestId('chart-duplicates').waitFor();
  const frame = page.getByTestId('chart-over-time');
  await frame.getByRole('button', { name: 'Show as table' }).click();
  assert.ok((await page.getByTestId('table-over-time').locator('tbody tr').count()) >= 2);
  await snap('overview');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('save-svg').click()]);
  assert.match(svgFile.suggestedFilename(), /\.svg$/);
  const [pngFile] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('save-png').click()]);
  assert.match(pngFile.suggestedFilename(), /\.png$/);
  await noViolations();
});

test("the collation shades each row by how many versions carry it", async (t) => {
  if (!sample) return t.skip('the sample did not open');
  await page.goto(server.url + `#/story/${sample.event}/collation`);
  await page.getByTestId('collation-row').first().waitFor();
  const heats = await page.getByTestId('collation-row').evaluateAll((rows) =>
    rows.map((r) => [Number(r.getAttribute('data-count')), Number(r.getAttribute('data-heat')), getComputedStyle(r).backgroundColor]),
  );
  const shared = heats.filter(([count]) => count > 1);
  assert.ok(shared.length > 0, 'rows carried by several versions');
  for (const [count, heat] of heats) assert.equal(heat === 0, count <= 1, `row in ${count} versions has heat ${heat}`);
  const colours = new Set(shared.map(([, , bg]) => bg));
  assert.ok(!colours.has('rgba(0, 0, 0, 0)'), 'shared rows are shaded');
  await noViolations();
});

test('leaving the sample goes back to the empty archive', async (t) => {
  if (!sample) return t.skip('the sample did not open');
  await page.goto(server.url);
  await page.getByTestId('leave-sample').click();
  await page.getByTestId('sample-offer').waitFor();
  await noViolations();
});
