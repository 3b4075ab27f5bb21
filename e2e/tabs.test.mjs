// End-to-end: a researcher opens articles in new tabs. Each tab that ran a
// job used to keep its own event stream, and Chromium keeps at most six
// connections to one host, so a seventh tab never loaded. Now one tab keeps
// the browser's stream and relays its events to the others.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';

let dir, server, chrome;

before(async () => {
  dir = tempDir('storydiff-e2e-tabs-');
  const db = join(dir, 'archive.db');
  const imp = spawnSync(cli, ['--db', db, 'import', '--no-analyze', join(root, 'testdata/seeds')], { encoding: 'utf8' });
  assert.equal(imp.status, 0, `import: ${imp.stderr}`);
  server = await startServer(db);
  chrome = await launchBrowser();
  chrome.context.setDefaultTimeout(20000);
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('seven tabs that each ran a job all load, and each hears its job end', async () => {
  const pages = [];
  const problems = [];
  for (let i = 0; i < 7; i++) {
    const page = await chrome.context.newPage();
    problems.push(watch(page));
    pages.push(page);
    await page.goto(server.url);
    await page.getByText('5 articles').waitFor();
    // A job subscribes the tab to job events: the analysis, heard to its end.
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Analysed: \d+ events/ }).waitFor({ timeout: 60000 });
  }
  // Every tab at once, as after a browser restart.
  await Promise.all(
    pages.map(async (page, i) => {
      await page.reload();
      await page.getByText('5 articles').waitFor();
      assert.equal(await page.getByText('5 articles').count(), 1, `tab ${i + 1}`);
    }),
  );
  // A tab that does not hold the stream still hears a job end.
  await pages[6].getByRole('button', { name: 'Analyse', exact: true }).click();
  await pages[6].getByRole('status').filter({ hasText: /Analysed: \d+ events/ }).waitFor({ timeout: 60000 });
  for (const p of problems) assert.deepEqual(p, []);
});
