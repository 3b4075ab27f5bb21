// End-to-end: quotes followed across the archive. The seeds imported (and
// analysed) through the CLI; Pat Ryder's readout, quoted by 002 and 004,
// shows in 004's Quotes panel with 002 as the first to print it, is
// highlighted in 004's text, and is listed in the Quotes of 004's event.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';

let dir, server, chrome, page, problems;
const shots = process.env.QUOTES_SCREENS ?? join(root, 'build', 'screens');
const snap = (name) => page.screenshot({ path: join(shots, `quotes-${name}.png`), fullPage: false });

before(async () => {
  dir = tempDir('storydiff-e2e-quotes-');
  const db = join(dir, 'archive.db');
  execFileSync(cli, ['--db', db, 'import', join(root, 'testdata/seeds')]);
  server = await startServer(db);
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 900 });
  execFileSync('mkdir', ['-p', shots]);
  problems = watch(page);
  chrome.context.setDefaultTimeout(15000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const seed002 = 'Pentagon Chief Urges Russian Counterpart Keep';

test('004 shows Ryder’s readout with 002 as its first printer', async () => {
  await page.goto(server.url + '#/article/004_0cbc97742eea5343.txt');
  await page.getByRole('heading', { level: 1, name: 'Hot Phones Between the US and Russia' }).waitFor();
  const panel = page.getByTestId('quotes');
  const ryder = panel.getByTestId('quote').filter({ hasText: 'lines of communication' });
  await ryder.waitFor();
  const text = await ryder.textContent();
  assert.match(text, /Ryder/, 'the speaker is named');
  assert.match(text, /1 other article/, 'one other article carries it');
  const carriers = ryder.getByTestId('carriers');
  const first = carriers.locator('li').first();
  assert.match(await first.textContent(), /first/);
  assert.match(await first.textContent(), new RegExp(seed002));
  assert.match(await carriers.locator('li').nth(1).textContent(), /this article/);

  // The quote is marked in the text, as text.
  const marked = await page.getByTestId('article-text').locator('[data-kind=quote]').allTextContents();
  assert.ok(
    marked.some((m) => m.startsWith('stressed the importance of maintaining lines of communication')),
    `quote marks: ${JSON.stringify(marked)}`,
  );
  await ryder.scrollIntoViewIfNeeded();
  await snap('article-004');

  // Clicking the first printer opens it.
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(seed002) }).waitFor();
  const back = page.getByTestId('quotes').getByTestId('quote').filter({ hasText: 'Secretary Austin emphasized' });
  assert.match(await back.textContent(), /printed here first/);
});

test('the event of 004 lists its quotes and the version that printed each first', async () => {
  const ev = await (await page.request.get(server.url + 'api/event?ref=004_0cbc97742eea5343.txt')).json();
  await page.goto(server.url + '#/story/' + ev.id);
  const card = page.getByTestId('story-quotes');
  await card.getByText('Quotes', { exact: true }).click();
  const rows = card.getByTestId('story-quote');
  await rows.first().waitFor();
  const ryder = rows.filter({ hasText: 'lines of communication' });
  assert.match(await ryder.textContent(), /earlier elsewhere/, 'printed by 002 before either version');
  await card.scrollIntoViewIfNeeded();
  await snap('story');
});

test('no console errors or page errors', () => {
  assert.deepEqual(problems, []);
});
