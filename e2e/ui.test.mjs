// End-to-end: a fresh archive, the seeds imported through the Import view,
// search as you type, an article with its provenance, and hostile article
// text shown as text with nothing executed.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';
import { event003and004 } from './seedevents.mjs';

const seeds = join(root, 'testdata/seeds');
const hostile = [
  'Hostile headline <script>window.__pwned = "script"</script>',
  '',
  'An <img src=x onerror="window.__pwned = \'img\'"> image and a <a href="javascript:window.__pwned=\'link\'">link</a>.',
  '<svg onload="window.__pwned = \'svg\'"></svg> and <iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
  'javascript:window.__pwned = "bare"',
  '',
].join('\n');

let dir, server, chrome, page, problems;

// Screenshots of each view are kept in build/screens/ for people to look at.
const screens = join(root, 'build', 'screens');
const snap = (name) => page.screenshot({ path: join(screens, `browser-${name}.png`) });

before(async () => {
  dir = tempDir('storydiff-e2e-');
  const input = join(dir, 'input');
  mkdirSync(join(input, 'hostile'), { recursive: true });
  for (const f of readdirSync(seeds)) copyFileSync(join(seeds, f), join(input, f));
  writeFileSync(join(input, 'hostile', 'hostile.txt'), hostile);
  // A republished copy of seed 000 with a new headline and one word
  // changed: a near-duplicate.
  const seed0 = readFileSync(join(seeds, '000_e445162bcb1b35cb.txt'), 'utf8').split('\n');
  seed0[0] = 'UPDATED: ' + seed0[0];
  writeFileSync(join(input, 'republished-000.txt'), seed0.join('\n').replace('Pentagon', 'US Defense Department'));
  server = await startServer(join(dir, 'archive.db'));
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  mkdirSync(screens, { recursive: true });
  problems = watch(page);
  dir = { root: dir, input };
  chrome.context.setDefaultTimeout(15000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir?.root) rmSync(dir.root, { recursive: true, force: true });
});

test('the page is served with a strict CSP and has no inline script', async () => {
  const res = await page.goto(server.url);
  const csp = res.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/, `CSP header: got ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `CSP header: got ${csp}`);
  const inline = await page.$$eval('script:not([src])', (s) => s.length);
  assert.equal(inline, 0, `inline scripts: got ${inline}, want 0`);
  assert.match(await page.title(), /StoryDiff/);
});

test('an empty archive offers the sample and an import', async () => {
  await page.getByText('Your archive is empty').waitFor();
  await page.getByTestId('open-sample').waitFor();
  await page.getByRole('link', { name: 'import a folder of your own articles' }).waitFor();
});

test('import the seeds through the Import view', async () => {
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByLabel('Folders or files to import').fill(dir.input);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor({ timeout: 30000 });
  const text = await summary.textContent();
  assert.match(text, /7 files seen: 7 added, 0 already in the archive,\s+0 failed/, `summary: got ${text}`);
});

test('the library lists every article', async () => {
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByText('7 articles').waitFor();
  const rows = await page.locator('[role=row][aria-rowindex]:not([aria-rowindex="1"])').count();
  assert.equal(rows, 7, `rows: got ${rows}, want 7`);
  await snap('library');
});

test('the library is keyboard navigable: arrows move, Enter opens', async () => {
  const second = await page.locator('[role=row][aria-rowindex="3"] a').textContent();
  await page.getByRole('grid', { name: /Articles/ }).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: second }).waitFor();
  await page.goBack();
  await page.getByText('7 articles').waitFor();
});

test('sorting by title orders the rows', async () => {
  await page.getByRole('button', { name: /^Title/ }).click();
  await page.locator('[role=columnheader][aria-sort=ascending]', { hasText: 'Title' }).waitFor();
  // The rows reload after the header changes: poll until they settle.
  const byTitle = (a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  let titles = [];
  for (let i = 0; i < 50; i++) {
    titles = await page.locator('[role=row][aria-rowindex] .title a').allTextContents();
    if (titles.length === 7 && titles.join() === [...titles].sort(byTitle).join()) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(titles, [...titles].sort(byTitle));
  assert.equal(titles.length, 7);
});

test('search "ceasefire" shows highlighted snippets as you type', async () => {
  await page.getByTestId('search').pressSequentially('ceasefire', { delay: 30 });
  // Results follow the typing (a partial word may show its own hits first):
  // wait for the answer to the whole word.
  await page.locator('[data-testid=hits][data-query="ceasefire"] li').first().waitFor();
  const marks = await page.getByTestId('hits').locator('mark').allTextContents();
  assert.ok(marks.length > 0, 'no highlighted term in the snippets');
  for (const m of marks) assert.match(m, /ceasefire/i, `highlight: got ${m}`);
  await snap('search');
  const titles = await page.getByTestId('hits').locator('.hit-title').allTextContents();
  assert.ok(
    titles.some((t) => t.includes('calls for a ceasefire')),
    `titles: got ${JSON.stringify(titles)}, want seed 001 among them`,
  );
  await page.getByTestId('search').fill('');
});

test('search finds every spelling of a name, keeps to the filters and exports its hits', async () => {
  await page.getByTestId('search').fill('Zelenskyy');
  const hits = page.locator('[data-testid=hits][data-query="Zelenskyy"] li');
  await hits.first().waitFor();
  // Seeds 000 (Zelensky, Zhelensky), 001, 003 (Zelenskyy, Selenskyj) and
  // 004, and the republished copy of 000.
  await page.getByTestId('hits-count').filter({ hasText: 'Showing 5 of 5 matches' }).waitFor();
  const note = await page.getByTestId('variants-note').textContent();
  assert.match(note, /zelensky/, `variants note: got ${note}`);
  assert.match(note, /zhelensky/, `variants note: got ${note}`);
  // An empty date filter looks empty: the format, never a date.
  for (const name of ['From', 'To']) {
    const field = page.getByLabel(name, { exact: true });
    assert.equal(await field.inputValue(), '', `${name} holds a value`);
    assert.equal(await field.getAttribute('placeholder'), 'yyyy-mm-dd');
  }
  await page.getByLabel('From', { exact: true }).fill('2022-13-45');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Type a date as yyyy-mm-dd' }).waitFor();
  // Only seed 004 of them is dated 2022 or later (2024-07-27).
  await page.getByLabel('From', { exact: true }).fill('2022-01-01');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await page.getByTestId('hits-count').filter({ hasText: 'Showing 1 of 1 match' }).waitFor();
  const href = await page.getByTestId('search-export').getAttribute('href');
  assert.match(href, /from=2022-01-01/, `export link: got ${href}`);
  const res = await page.request.get(new URL(href, server.url).toString());
  assert.equal(res.status(), 200);
  const rows = (await res.text()).trim().split('\n');
  assert.equal(rows.length, 2, `export rows: got ${rows.length}, want a header and one hit`);
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByLabel('From', { exact: true }).press('Enter');
  await page.getByTestId('hits-count').filter({ hasText: 'Showing 5 of 5 matches' }).waitFor();
  await page.getByTestId('search').fill('');
});

test('the import is followed by an analysis', async () => {
  await page.getByRole('status').filter({ hasText: /Analysed: \d+ events/ }).waitFor({ timeout: 60000 });
});

test('badges mark the findings, and filter the library', async () => {
  await page.goto(server.url + '#/');
  const row = page.locator('[role=row]', { hasText: 'The United States calls for a ceasefire' });
  await row.locator('[data-badge=repeat]').waitFor();
  await page.getByLabel('Marked').selectOption('repeat');
  await page.getByText('1 articles').waitFor();
  const titles = await page.locator('[role=row][aria-rowindex] .title a').allTextContents();
  assert.deepEqual(titles, ['The United States calls for a ceasefire from Russia, but in vain']);
  await page.getByLabel('Marked').selectOption('');
  await page.getByText('7 articles').waitFor();
});

test('open seed 001: its repeated passage highlighted and linked, with provenance', async () => {
  const ref = '001_d9fdc833d6f29732.txt';
  await page.goto(server.url + '#/article/' + ref);
  const title = 'The United States calls for a ceasefire from Russia, but in vain';
  await page.getByRole('heading', { level: 1, name: title }).waitFor();

  const detail = await (await page.request.get(server.url + 'api/articles/' + ref)).json();
  const shown = await page.getByTestId('article-text').textContent();
  assert.equal(shown, detail.text, 'the article text is shown whole and unchanged');

  // Every occurrence of every repeated passage the service found is
  // highlighted, and nothing else is.
  const repeats = await (await page.request.get(server.url + 'api/repeats?ref=' + ref)).json();
  const passages = repeats[0]?.passages ?? [];
  assert.ok(passages.length > 0, 'seed 001 repeats its headline and lede: the service should find it');
  const runes = Array.from(detail.text);
  const want = passages.flatMap((p) => p.occurrences.map((o) => runes.slice(o.start, o.end).join('')));
  await page.locator('#rep-0-1').waitFor();
  const got = await page.locator('[id^=rep-]').allTextContents();
  assert.deepEqual(got, want, 'highlighted occurrences');
  assert.ok(want[0].startsWith(title), `the first repeat starts with the headline: got ${want[0].slice(0, 40)}`);

  await snap('article-001');
  // Activating one occurrence moves the focus to the next.
  await page.locator('#rep-0-0').press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rep-0-1');

  const aside = await page.getByRole('complementary', { name: 'Metadata and provenance' }).textContent();
  assert.ok(aside.includes(detail.sha256), 'SHA-256 shown');
  assert.ok(aside.includes(join(dir.input, ref)), 'file path shown');
});

test('open the story of 003 and compare 003 with 004, hiding minor edits', async () => {
  await event003and004(page.request, server.url);
  const a = await (await page.request.get(server.url + 'api/articles/003_d2567b8d7e929331.txt')).json();
  const b = await (await page.request.get(server.url + 'api/articles/004_0cbc97742eea5343.txt')).json();
  await page.goto(server.url + '#/article/' + a.id);
  const story = page.getByTestId('story');
  await story.waitFor({ timeout: 10000 });
  const version = story.locator('li', { hasText: b.title });
  await version.getByRole('link', { name: 'Compare' }).click();
  await page.getByRole('heading', { name: 'Compare two articles' }).waitFor({ state: 'attached' });
  // Two outlets' reports open aligned (see align.test.mjs); this test is of
  // the word diff.
  await page.getByTestId('aligned-row').first().waitFor();
  await page.getByLabel('Word diff').check();
  await page.getByTestId('stats').waitFor();
  const heads = await page.locator('.heads').textContent();
  assert.ok(heads.includes(a.title) && heads.includes(b.title), `compare heads: got ${heads}`);

  // Side A's text is the deletes and equals, side B's the inserts and equals.
  const cmp = await (await page.request.get(server.url + `api/compare?a=${a.id}&b=${b.id}&by=word`)).json();
  const inline = await page.getByTestId('diff').textContent();
  const moves = await page.locator('.movelink').allTextContents();
  assert.equal(inline.length - moves.join('').length, cmp.ops.reduce((n, o) => n + o.text.length, 0));
  // The pair's similarity is the answer's, and the diff's own figure goes by another name.
  assert.equal(await page.getByTestId('stats').getByTestId('similarity').textContent(), (cmp.similarity * 100).toFixed(1) + ' %');
  assert.equal(cmp.stats.similarity, undefined);
  assert.match(await page.getByTestId('stats').textContent(), /Changed words/);

  const asked = page.waitForRequest((r) => r.url().includes('/api/compare') && r.url().includes('ignore_minor=true'));
  await page.getByLabel('Hide minor edits').check();
  await asked;
  await page.getByTestId('stats').waitFor();
  assert.equal(await page.locator('ins.minor, del.minor').count(), 0, 'no minor edit is shown as a change');

  // n and p step through the changes.
  await page.keyboard.press('n');
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^op-inline-\d+$/);
  await snap('compare-inline');

  // Side by side, the word diff's panes are lined up in rows.
  await page.getByLabel('Side by side').check();
  await page.getByTestId('aligned-row').first().waitFor();
  await snap('compare-side-by-side');
  const sideA = await page.locator('[data-testid=aligned-row] [data-side=a]').first().textContent();
  const wantA = cmp.ops.filter((o) => o.op === 'equal' || o.op === 'delete' || (o.op === 'move' && o.role === 'from'));
  assert.ok(sideA.startsWith(wantA[0].text.slice(0, 20)), 'side A starts with A');
});

test('export the comparison as an HTML report', async () => {
  await page.getByLabel('Report format').selectOption('html');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  // Named for what it holds: the two ids, the first title's words, the day.
  assert.match(download.suggestedFilename(), /^storydiff-pair-\d+-vs-\d+-[a-z0-9-]+-\d{4}-\d\d-\d\d\.html$/);
  const file = join(dir.root, 'report.html');
  await download.saveAs(file);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<html/i);
  assert.ok(html.includes('Austin'), 'the report holds the articles');
});

test('the duplicates view finds the republished copy, and keeping it is saved', async () => {
  await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
  const group = page.locator('.group', { hasText: 'UPDATED: ' });
  await group.waitFor();
  await snap('duplicates');
  assert.match(await group.locator('h2').textContent(), /Near-duplicates, similarity \d+ %/);
  // Keep the republished copy: the group is reviewed and leaves the queue
  // of unreviewed groups; after a reload it is among the reviewed, kept.
  await group.locator('li', { hasText: 'UPDATED: ' }).getByRole('button', { name: 'Keep this' }).click();
  await group.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('dup-counts').waitFor();
  assert.equal(await page.locator('.group', { hasText: 'UPDATED: ' }).count(), 0);
  await page.getByLabel('Show', { exact: true }).selectOption('reviewed');
  const reviewed = page.locator('.group', { hasText: 'UPDATED: ' });
  await reviewed.getByText('Reviewed: duplicates').waitFor();
  await reviewed.getByText('Kept', { exact: true }).waitFor();
  await page.getByLabel('Show', { exact: true }).selectOption('unreviewed');
});

test('the stories view lists each event with its size', async () => {
  await page.getByRole('link', { name: 'Stories', exact: true }).click();
  const rows = page.getByTestId('event-row');
  await rows.first().waitFor();
  const events = await (await page.request.get(server.url + 'api/stories')).json();
  assert.equal(await rows.count(), events.length);
  await snap('stories');
  const sizes = await page.locator('[data-testid=event-row] td:nth-child(2)').allTextContents();
  assert.deepEqual(sizes.map(Number), events.map((e) => e.articles.length));
});

test('hostile article text is displayed as text and runs nothing', async () => {
  const detail = await (await page.request.get(server.url + 'api/articles/hostile.txt')).json();
  await page.goto(server.url + '#/article/' + detail.id);
  // The heading is the first line, markup and all, as text.
  await page.getByRole('heading', { level: 1, name: 'Hostile headline <script>window.__pwned = "script"</script>' }).waitFor();
  await snap('hostile');
  const shown = await page.getByTestId('article-text').textContent();
  assert.equal(shown, hostile, 'the markup is shown literally');
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    scripts: document.querySelectorAll('script:not([src])').length,
    imgs: document.querySelectorAll('main img, main svg, main iframe').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  assert.deepEqual(injected, { pwned: null, scripts: 0, imgs: 0, jsLinks: 0 });
  // Clicking the text where the link markup is shown must not run it either.
  await page.getByText('link</a>', { exact: false }).click();
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
});

test('an unknown article shows an error message where the user looked', async () => {
  await page.goto(server.url + '#/article/no-such-file.txt');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /no article/i);
});

test('an import lists every file that failed, with the reason', async () => {
  const bad = join(dir.root, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0x62]));
  writeFileSync(join(bad, 'blank.txt'), '   \n');
  await page.goto(server.url + '#/import');
  await page.getByLabel('Folders or files to import').fill(bad + '\n' + join(dir.root, 'missing'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const table = page.getByRole('table', { name: 'Files that could not be imported' });
  await table.waitFor();
  const rows = await table.locator('tbody tr').allTextContents();
  assert.equal(rows.length, 3, `failed rows: got ${JSON.stringify(rows)}`);
  for (const name of ['binary.txt', 'blank.txt', 'missing']) {
    assert.ok(rows.some((r) => r.includes(name)), `${name} listed with its reason in ${JSON.stringify(rows)}`);
  }
  assert.ok(rows.every((r) => /\S+\s*\S+/.test(r)), 'each row has a reason');
  await snap('import-failures');
});

test('an empty path list is refused where the user typed', async () => {
  await page.getByLabel('Folders or files to import').fill('   ');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /at least one folder or file/);
});

test('light and dark follow the system setting', async () => {
  const background = () =>
    page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  await page.goto(server.url + '#/article/001_d9fdc833d6f29732.txt');
  await page.locator('#rep-0-1').waitFor();
  await snap('article-001-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.ok(light > 0.8 && dark < 0.2, `luminance: light ${light}, dark ${dark}`);
});

test('no console errors, page errors or CSP violations', () => {
  // The 404 of the unknown article is the browser logging a failed fetch: allowed.
  const real = problems.filter((p) => !/status of 404/.test(p));
  assert.deepEqual(real, []);
});
