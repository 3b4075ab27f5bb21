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
//   node e2e/screenshots.mjs --only duplicates-queue BBC_ARCHIVE.db   (that shot alone; --only may be repeated)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, launchBrowser, root, startServer, tempDir } from './harness.mjs';

const args = process.argv.slice(2);
const only = new Set();
while (args[0] === '--only') {
  only.add(args[1]);
  args.splice(0, 2);
}
// want says whether a shot is asked for: every shot, unless --only names some.
const want = (...names) => only.size === 0 || names.some((n) => only.has(n));
const bbc = args[0];
// Every shot but the curated article is made from the BBC archive.
const needsBBC = want('first-run-empty', 'first-run-sample', 'timeline-sample-thread', 'duplicates-queue', 'network-bbc-event', 'overview-bbc');
if (!bbc && needsBBC) {
  console.error('usage: node e2e/screenshots.mjs [--only NAME]... BBC_ARCHIVE.db | --only curated-article');
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

// skip leaves a section whose shots were not asked for.
const skip = new Error('not asked for');

const chrome = await launchBrowser();
const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
await page.setViewportSize({ width: 1280, height: 800 });
chrome.context.setDefaultTimeout(120000);

// An article with a corrected title and outlet, two tags and a note: the
// edits made through the API, the page as a researcher then sees it.
const curated = want('curated-article', 'article-curated') ? await startServer(curatedArchive()) : null;
try {
  if (!curated) throw skip;
  const post = (path, data) => page.request.post(curated.url + path, { data });
  await post('api/edit', { ref: '3', title: 'Pentagon chief urges Russian counterpart to keep lines of communication open', outlet: 'Forbes' });
  await post('api/tags', { kind: 'article', ref: '3', tags: ['phone call', 'to verify'] });
  await post('api/note', { kind: 'article', ref: '3', text: 'Outlet and headline taken from the page as published; the file had neither the outlet nor a full title.' });
  await page.goto(curated.url + '#/article/3');
  await page.getByTestId('imported-title').waitFor();
  await page.getByTestId('note-when').waitFor();
  await shot(page, 'article-curated');
} catch (e) {
  if (e !== skip) throw e;
} finally {
  await curated?.stop();
}
if (!needsBBC) {
  await chrome.close();
  rmSync(raw, { recursive: true, force: true });
  process.exit(0);
}

const empty = want('first-run-empty', 'first-run-sample', 'timeline-sample-thread') ? await startServer(join(raw, 'archive.db')) : null;
try {
  if (!empty) throw skip;
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
} catch (e) {
  if (e !== skip) throw e;
} finally {
  await empty?.stop();
}

const server = await startServer(bbc);
try {
  if (want('duplicates-queue')) {
    // The review queue: near-duplicates first, the totals, the keys.
    await page.goto(server.url + '#/duplicates');
    await page.getByTestId('dup-counts').waitFor();
    await page.locator('[data-testid=dup-group]').first().waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('l');
    await shot(page, 'duplicates-queue');
  }
  if (!want('network-bbc-event', 'overview-bbc')) throw skip;
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
} catch (e) {
  if (e !== skip) throw e;
} finally {
  await server.stop();
  await chrome.close();
  rmSync(raw, { recursive: true, force: true });
}

// curatedArchive imports the seeds into an archive of its own.
function curatedArchive() {
  const db = join(raw, 'curated.db');
  execFileSync(cli, ['--db', db, 'import', join(root, 'testdata/seeds')]);
  return db;
}
