// End-to-end: aligned comparison and a story's collation in Chromium, on the
// seeds imported into a fresh archive. Screenshots go to build/screens/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';
import { event003and004 } from './seedevents.mjs';

const seeds = join(root, 'testdata/seeds');
const screens = join(root, 'build', 'screens');
let dir, server, chrome, page, problems;
const snap = (name) => page.screenshot({ path: join(screens, `browser-${name}.png`) });
// scrollUntil scrolls a virtualised list down until target is in the page:
// rows out of view do not exist.
async function scrollUntil(list, target) {
  for (let k = 0; k < 100 && (await target.count()) === 0; k++) {
    await list.evaluate((e) => (e.scrollTop += e.clientHeight / 2));
    await page.waitForTimeout(50);
  }
  await target.first().scrollIntoViewIfNeeded();
}
const api = async (path) => (await page.request.get(server.url + path)).json();

before(async () => {
  dir = tempDir('storydiff-e2e-align-');
  const input = join(dir, 'input');
  mkdirSync(input);
  for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(input, f));
  // Article text is untrusted: markup in it must show as text in the rows.
  writeFileSync(
    join(input, 'hostile.txt'),
    'US Secretary of Defense Lloyd Austin <img src=x onerror="window.__pwned=1"> spoke to his Russian counterpart.\n\n' +
      '<script>window.__pwned = 2</script> Pentagon spokesman Pat Ryder said on Tuesday.\n',
  );
  execFileSync(cli, ['--db', join(dir, 'archive.db'), 'import', input], { stdio: 'ignore' });
  server = await startServer(join(dir, 'archive.db'));
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  mkdirSync(screens, { recursive: true });
  problems = watch(page);
  chrome.context.setDefaultTimeout(20000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('003 and 004 open aligned: the Ryder sentences on one row; then the word diff', async () => {
  const a = await api('api/articles/003_d2567b8d7e929331.txt');
  const b = await api('api/articles/004_0cbc97742eea5343.txt');
  await page.goto(server.url + `#/compare/${a.id}/${b.id}`);
  const rows = page.getByTestId('aligned-row');
  await rows.first().waitFor();
  assert.ok(await page.getByRole('radio', { name: /^Aligned/ }).isChecked(), 'related versions open aligned');
  assert.match(await page.getByTestId('mode').textContent(), /Aligned\s*\(auto\)/);

  // The row pairing the two outlets' sentences quoting Pat Ryder: A's on
  // the left, B's on the right, with a score.
  const ryder = rows.filter({ has: page.locator('[data-side=a]', { hasText: 'Ryder' }) }).filter({
    has: page.locator('[data-side=b]', { hasText: 'Ryder' }),
  });
  await scrollUntil(page.getByTestId('aligned-rows'), ryder);
  assert.equal(await ryder.count(), 1, 'one row holds both Ryder sentences');
  assert.equal(await ryder.getAttribute('data-kind'), 'pair');
  assert.match(await ryder.locator('.score').textContent(), /^0\.\d\d$/);
  // Its word diff marks B's own words, unless the two say it in words so
  // different that the row is labelled reworded instead.
  const marked = (await ryder.locator('[data-side=b] ins').count()) > 0;
  const rewordedRow = (await ryder.getAttribute('data-reworded')) !== null;
  assert.ok(marked !== rewordedRow, `the Ryder row: marked ${marked}, reworded ${rewordedRow}`);
  if (rewordedRow) assert.match(await ryder.locator('.gutter').textContent(), /reworded/);
  await snap('compare-aligned');

  // The report exported from here compares the pair as the view does.
  assert.match(await page.getByTestId('export').getAttribute('href'), /[?&]align=aligned(&|$)/);

  // Only the rows in view exist: the list is virtualised.
  const api003 = await api(`api/align?a=${a.id}&b=${b.id}`);
  assert.equal(api003.mode, 'aligned');
  const shown = await rows.count();
  assert.ok(shown > 0 && shown < api003.rows.length, `rows in the page: ${shown} of ${api003.rows.length}`);
  // Sentences with no counterpart stand against a gap.
  assert.ok((await page.locator('[data-kind=only-a] [data-side=b].gap').count()) > 0, 'a sentence only in A faces a gap');

  // n steps to a changed row and focuses it.
  await page.keyboard.press('n');
  await page.waitForFunction(() => /^arow-\d+$/.test(document.activeElement?.id ?? ''));

  // Only the paired sentences, when asked: the Ryder row among them.
  await page.getByLabel('Only paired sentences').check();
  await page.locator('[data-testid=aligned-row][data-kind=pair]').first().waitFor();
  assert.equal(await page.locator('[data-testid=aligned-row]:not([data-kind=pair])').count(), 0);
  assert.equal(await rows.count(), api003.rows.filter((r) => r.a && r.b).length);
  assert.equal(await ryder.count(), 1);
  await page.getByLabel('Only paired sentences').uncheck();

  // The switch: the word diff, asked for once, in panes lined up by rows.
  const asked = page.waitForRequest((r) => r.url().includes('/api/align') && r.url().includes('mode=diff'));
  await page.getByLabel('Word diff').check();
  await asked;
  await page.getByTestId('stats').waitFor();
  assert.match(await page.getByTestId('export').getAttribute('href'), /[?&]align=diff(&|$)/);
  await page.getByLabel('Side by side').check();
  await rows.first().waitFor();
  const diff = await api(`api/align?a=${a.id}&b=${b.id}&mode=diff`);
  const n = await rows.count();
  assert.ok(n > 0 && n <= diff.rows.length, `diff rows in the page: ${n} of ${diff.rows.length}`);
  await snap('compare-diff-rows');
  await page.getByLabel('Inline').check();
  await page.getByTestId('diff').waitFor();
  // And back.
  await page.getByRole('radio', { name: /^Aligned/ }).check();
  await page.getByTestId('align-stats').waitFor();
});

test('a near-duplicate opens in the word diff', async () => {
  // 000 against itself is the nearest of duplicates.
  await page.goto(server.url + '#/compare/1/1');
  await page.getByTestId('stats').waitFor();
  assert.ok(await page.getByLabel('Word diff').isChecked());
  assert.match(await page.getByTestId('mode').textContent(), /Word diff\s*\(auto\)/);
});

test('markup in an article shows as text in aligned rows', async () => {
  const h = await api('api/articles/hostile.txt');
  await page.goto(server.url + `#/compare/4/${h.id}`);
  await page.getByTestId('aligned-row').first().waitFor();
  const text = await page.getByTestId('aligned-rows').textContent();
  assert.ok(text.includes('<script>window.__pwned = 2</script>'), 'the script tag is shown as text');
  assert.ok(text.includes('<img src=x'), 'the img tag is shown as text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-testid=aligned-rows] img, [data-testid=aligned-rows] script').count(), 0);
});

test('the collation of the story of 003 and 004', async () => {
  await event003and004(page.request, server.url);
  const st = await api('api/story?ref=003_d2567b8d7e929331.txt');
  await page.goto(server.url + `#/story/${st.id}/collation`);
  const heads = page.getByTestId('version-head');
  await heads.first().waitFor();
  // One column per version, in the story's date order, titles in the header.
  assert.equal(await heads.count(), st.articles.length);
  for (const [i, v] of st.articles.entries()) assert.ok((await heads.nth(i).textContent()).includes(v.title));

  const col = await api(`api/collation?story=${st.id}`);
  const rows = page.getByTestId('collation-row');
  await rows.first().waitFor();
  const summary = await page.getByTestId('collation-summary').textContent();
  const singles = col.rows.filter((r) => r.count === 1).length;
  assert.match(summary, new RegExp(`${st.articles.length} versions in date order, ${col.rows.length} rows; ${singles} in one version only`));
  // Each row says which version carried it first.
  const first = col.rows[0];
  const v = col.versions.indexOf(first.first) + 1;
  assert.match(await rows.first().locator('[role=rowheader]').textContent(), new RegExp(`(first|only) in v${v}`));
  // A row found in several versions holds the Ryder sentence in each cell
  // (the event holds 003, 004 and the two-line hostile.txt, a brief of the
  // same call).
  const shared = rows.filter({ hasText: 'Ryder' }).and(page.locator('[data-testid=collation-row]:not([data-count="1"])'));
  await scrollUntil(page.getByTestId('collation'), shared);
  assert.ok((await shared.count()) >= 1, 'a row carries Ryder in more than one version');
  await snap('collation');

  // The filter keeps the rows found in one version only.
  await page.getByLabel('Only rows in one version').check();
  await rows.first().waitFor();
  assert.equal(await page.locator('[data-testid=collation-row]:not([data-count="1"])').count(), 0);
  assert.ok((await rows.count()) > 0);
});

test('an unknown story says so', async () => {
  await page.goto(server.url + '#/story/999/collation');
  await page.getByText(/no (story|event) 999/).waitFor();
});

test('no console errors, page errors or CSP violations', () => {
  const real = problems.filter((p) => !/status of 404/.test(p));
  assert.deepEqual(real, []);
});
