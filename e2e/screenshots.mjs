// Takes the README's screenshots in Chromium: the first run from an empty
// archive to the sample, the timeline of the sample's thread, and, from an
// archive of the BBC corpus (given as the first argument: import and
// analyse it first; corpora never go into the repository), the reuse network
// of its largest event and its archive overview.
//
// It also shows an article a researcher edited, tagged and noted (made from
// the seeds). `--only curated-article` takes that one alone, without the BBC
// archive.
//
//   node e2e/screenshots.mjs BBC_ARCHIVE.db   (writes docs/screenshots/*.png)
//   node e2e/screenshots.mjs --only curated-article
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, launchBrowser, root, startServer, tempDir } from './harness.mjs';

const only = process.argv[2] === '--only' ? process.argv[3] : null;
const bbc = only ? null : process.argv[2];
if (!bbc && only !== 'curated-article') {
  console.error('usage: node e2e/screenshots.mjs BBC_ARCHIVE.db | --only curated-article');
  process.exit(2);
}
const out = join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const raw = tempDir('storydiff-shots-');

// small writes a screenshot as a small PNG (64 colours, 1100 px wide).
async function shot(page, name, opts = {}) {
  const full = join(raw, name + '.png');
  await page.screenshot({ path: full, ...opts });
  execFileSync('/usr/bin/convert', [full, '-resize', '1100x>', '-colors', '64', 'PNG8:' + join(out, name + '.png')]);
  console.log('wrote', join(out, name + '.png'));
}

const chrome = await launchBrowser();
const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
await page.setViewportSize({ width: 1280, height: 800 });
chrome.context.setDefaultTimeout(120000);

// An article with a corrected title and outlet, two tags and a note: the
// edits made through the API, the page as a researcher then sees it.
execFileSync(cli, ['--db', join(raw, 'curated.db'), 'import', join(root, 'testdata/seeds')]);
const curated = await startServer(join(raw, 'curated.db'));
try {
  const post = (path, data) => page.request.post(curated.url + path, { data });
  await post('api/edit', { ref: '3', title: 'Pentagon chief urges Russian counterpart to keep lines of communication open', outlet: 'Forbes' });
  await post('api/tags', { kind: 'article', ref: '3', tags: ['phone call', 'to verify'] });
  await post('api/note', { kind: 'article', ref: '3', text: 'Outlet and headline taken from the page as published; the file had neither the outlet nor a full title.' });
  await page.goto(curated.url + '#/article/3');
  await page.getByTestId('imported-title').waitFor();
  await page.getByTestId('note-when').waitFor();
  await shot(page, 'article-curated');
} finally {
  await curated.stop();
}
if (only) {
  await chrome.close();
  rmSync(raw, { recursive: true, force: true });
  process.exit(0);
}

const empty = await startServer(join(raw, 'archive.db'));
try {
  await page.goto(empty.url);
  await page.getByTestId('sample-offer').waitFor();
  await shot(page, 'first-run-empty');
  await page.getByTestId('open-sample').click();
  await page.getByTestId('sample-guide').waitFor();
  await page.getByText('6 articles').waitFor();
  await shot(page, 'first-run-sample');
  await page.getByTestId('guide-timeline').click();
  await page.getByTestId('timeline').waitFor();
  await page.getByTestId('pictures').scrollIntoViewIfNeeded();
  await shot(page, 'timeline-sample-thread');
} finally {
  await empty.stop();
}

const server = await startServer(bbc);
try {
  const events = await (await page.request.get(server.url + 'api/events?limit=1')).json();
  await page.goto(server.url + `#/story/${events[0].id}/network`);
  await page.locator('[data-testid=network][data-layout-ms]').waitFor();
  await page.getByTestId('pictures').scrollIntoViewIfNeeded();
  await shot(page, 'network-bbc-event');
  await page.goto(server.url + '#/overview');
  // The BBC corpus has no dates: its overview has no chart over time.
  await page.getByTestId('overview-summary').waitFor();
  await page.getByTestId('chart-duplicates').waitFor();
  await shot(page, 'overview-bbc', { fullPage: true });
} finally {
  await server.stop();
  await chrome.close();
  rmSync(raw, { recursive: true, force: true });
}
