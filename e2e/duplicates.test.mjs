// End-to-end: the duplicates review queue. A verdict given by keyboard is
// stored (after a reload the group is reviewed and out of the unreviewed
// queue), and moving the similarity slider changes the count.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, startServer, tempDir, watch } from './harness.mjs';

let dir, server, chrome, page, problems;

// text is an article of distinct made-up words; edited rewrites its last
// n paragraphs, so that the copy is less similar as n grows.
function text(seed) {
  const paras = [];
  for (let p = 0; p < 10; p++) {
    const words = [];
    for (let w = 0; w < 20; w++) words.push(`w${seed}p${p}x${(w * 7919 + p * 104729 + seed * 31) % 99991}`);
    paras.push(words.join(' ') + '.');
  }
  return `Headline ${seed}\n\n` + paras.join('\n\n') + '\n';
}
function edited(t, n) {
  const paras = t.trim().split('\n\n');
  for (let i = paras.length - n; i < paras.length; i++) paras[i] = `A paragraph written anew ${i} with other words.`;
  return paras.join('\n\n') + '\n';
}

before(async () => {
  dir = tempDir('storydiff-dupes-');
  const input = join(dir, 'input');
  mkdirSync(join(input, 'again'), { recursive: true });
  // Copies with 1 to 4 of 11 paragraphs rewritten: similarities from about
  // 0.9 down to about 0.6, so that a higher threshold drops some.
  for (let s = 1; s <= 4; s++) {
    writeFileSync(join(input, `story-${s}.txt`), text(s));
    writeFileSync(join(input, `story-${s}-copy.txt`), edited(text(s), s));
  }
  writeFileSync(join(input, 'exact.txt'), text(9));
  writeFileSync(join(input, 'exact-caps.txt'), text(9).toUpperCase());
  writeFileSync(join(input, 'twice.txt'), text(10));
  writeFileSync(join(input, 'again', 'twice.txt'), text(10));
  const db = join(dir, 'archive.db');
  execFileSync(cli, ['--db', db, 'import', input], { stdio: 'ignore' });
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

const counts = () => page.getByTestId('dup-counts');

test('near-duplicates come first, and the article found at two paths is counted apart', async () => {
  await page.goto(server.url + '#/duplicates');
  await counts().waitFor();
  await page.getByText(/0 reviewed, 5 unreviewed/).waitFor();
  assert.match((await counts().textContent()).replace(/\s+/g, ' '), /5 groups: 4 near-duplicate, 1 exact; 0 reviewed, 5 unreviewed/);
  const heads = await page.locator('[data-testid=dup-group] h2').allTextContents();
  assert.deepEqual(
    heads.map((h) => h.split(',')[0].trim()),
    ['Near-duplicates', 'Near-duplicates', 'Near-duplicates', 'Near-duplicates', 'Exact copies'],
  );
  await page.getByTestId('several-paths').getByText('1 article was found at more than one path').waitFor();
  await page.getByTestId('several-paths').getByRole('button', { name: 'Show them' }).click();
  await page.getByRole('list', { name: 'Articles found at more than one path' }).getByText('Headline 10').waitFor();
  assert.equal(await page.locator('[data-testid=dup-group]', { hasText: 'Headline 10' }).count(), 0);
  await page.getByTestId('dup-keys').getByText('keep the focused copy').waitFor();
});

test('a verdict given by keyboard survives a reload and leaves the unreviewed queue', async () => {
  await page.goto(server.url + '#/duplicates');
  await page.getByText(/0 reviewed, 5 unreviewed/).waitFor();
  const first = page.locator('[data-testid=dup-group]').first();
  const title = (await first.locator('ul a').first().textContent()).trim();
  // j to the second group, k back to the first, l to its second copy, s to keep it.
  await page.keyboard.press('j');
  await page.locator('[data-testid=dup-group][aria-current=true]', { hasText: 'Headline' }).nth(0).waitFor();
  assert.equal(await page.locator('[data-testid=dup-group]').nth(1).getAttribute('aria-current'), 'true');
  await page.keyboard.press('k');
  await page.keyboard.press('l');
  await page.keyboard.press('s');
  await page.getByText(/1 reviewed, 4 unreviewed/).waitFor();
  // The next group has the focus, and n says it is not duplicates.
  assert.equal(await page.locator('[data-testid=dup-group]').first().getAttribute('aria-current'), 'true');
  await page.keyboard.press('n');
  await page.getByText(/2 reviewed, 3 unreviewed/).waitFor();
  // z takes the last verdict back.
  await page.keyboard.press('z');
  await page.getByText(/1 reviewed, 4 unreviewed/).waitFor();

  await page.reload();
  await page.getByText(/1 reviewed, 4 unreviewed/).waitFor();
  const unreviewed = await page.locator('[data-testid=dup-group] ul a').allTextContents();
  assert.ok(!unreviewed.some((t) => t.trim() === title), `${title} is still in the unreviewed queue`);
  // u shows the reviewed groups too: the first is reviewed, its second copy kept.
  await page.keyboard.press('u');
  const reviewed = page.locator('[data-testid=dup-group][data-reviewed=duplicates]');
  await reviewed.waitFor();
  await reviewed.getByText('Reviewed: duplicates').waitFor();
  const copies = reviewed.locator(':scope > ul > li');
  await copies.nth(1).getByText('Kept', { exact: true }).waitFor();
  assert.equal((await reviewed.locator('ul a').first().textContent()).trim(), title);
  await page.keyboard.press('u');
  await page.getByText(/Showing 1-4 of 4\s+unreviewed/).waitFor();
});

test('moving the slider changes the count', async () => {
  await page.goto(server.url + '#/duplicates');
  await page.getByText(/5 groups:/).waitFor();
  const slider = page.getByLabel('Near-duplicates from similarity');
  await slider.fill('0.95');
  await page.getByText(/1 group: 0 near-duplicate, 1 exact/).waitFor();
  await slider.fill('0.5');
  await page.getByText(/5 groups: 4 near-duplicate, 1 exact/).waitFor();
  assert.deepEqual(problems, []);
});
