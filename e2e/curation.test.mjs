// End-to-end: a researcher edits an article's title, tags it and writes a
// note in the Article view; after a reload all of it is there, the library
// filters by the tag (from the filter or a row's tag), and a tag holding
// markup is shown as text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';

let dir, server, chrome, page, problems;

before(async () => {
  dir = tempDir('storydiff-e2e-curation-');
  const db = join(dir, 'archive.db');
  execFileSync(cli, ['--db', db, 'import', join(root, 'testdata/seeds')]);
  server = await startServer(db);
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  problems = watch(page);
  chrome.context.setDefaultTimeout(15000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('edit a title, tag and note an article, reload, and filter the library by the tag', async () => {
  await page.goto(server.url + '#/article/2');
  const heading = page.locator('#article-title');
  await heading.waitFor();
  const imported = (await heading.textContent()).trim();

  // Edit the title with the keyboard: open the form, type, Enter saves.
  await page.getByTestId('edit-open').click();
  const title = page.getByTestId('edit-title');
  await title.fill('A corrected headline');
  await title.press('Enter');
  await page.getByTestId('imported-title').waitFor();
  assert.equal((await heading.textContent()).trim(), 'A corrected headline');

  const tag = page.getByTestId('tag-input');
  await tag.fill('to check');
  await tag.press('Enter');
  await tag.fill('<img src=x onerror="window.__pwned=1">');
  await tag.press('Enter');
  await page.getByTestId('tag').nth(1).waitFor();

  const note = page.getByTestId('note-input');
  await note.fill('Outlet confirmed by phone');
  await note.press('Control+Enter');
  await page.getByTestId('note-when').waitFor();

  await page.reload();
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), 'A corrected headline');
  assert.match(await page.getByTestId('imported-title').textContent(), new RegExp('imported: ' + imported.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  const tags = await page.getByTestId('tag').allTextContents();
  assert.ok(tags.some((t) => t.includes('to check')), `tags after reload: ${tags}`);
  assert.ok(tags.some((t) => t.includes('<img src=x onerror=')), `the markup tag is shown as text: ${tags}`);
  assert.equal(await page.getByTestId('note-input').inputValue(), 'Outlet confirmed by phone');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a tag ran as markup');

  // The library's row shows the tags as text; a click on one filters by it,
  // and the edited title is found.
  await page.goto(server.url + '#/');
  const row = page.locator('[role=row]', { hasText: 'A corrected headline' });
  await row.getByTestId('row-tags').getByRole('button', { name: 'to check' }).click();
  assert.equal(await page.getByTestId('tag-filter').inputValue(), 'to check');
  await page.getByText('1 articles').waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a tag in the library ran as markup');
  await page.getByText('A corrected headline').first().waitFor();
  await page.getByTestId('search').fill('corrected');
  await page.getByTestId('hits').getByRole('link', { name: 'A corrected headline' }).waitFor();
  assert.deepEqual(problems, []);
});
