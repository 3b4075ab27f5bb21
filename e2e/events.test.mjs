// End-to-end: the seeds imported into a fresh archive, the Stories view's
// events and threads, the event of seeds 003 and 004 with the evidence tying
// them, a correction made on its page, and the Related panel of an article.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, launchBrowser, root, startServer, tempDir, watch } from './harness.mjs';
import { event003and004 } from './seedevents.mjs';

const seeds = join(root, 'testdata/seeds');
const ref003 = '003_d2567b8d7e929331.txt';
const ref004 = '004_0cbc97742eea5343.txt';

let dir, server, chrome, page, problems;
// Set when the server has no event routes at all (they answer 404): every
// test then skips, saying why.
let missing = '';
// The article the correction test took out of its event.
let removed = 0;

const screens = join(root, 'build', 'screens');
const snap = (name) => page.screenshot({ path: join(screens, `browser-${name}.png`) });
const api = async (path, init) => {
  const res = await page.request.fetch(server.url + 'api/' + path, init);
  const body = await res.json().catch(() => null);
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
};

before(async () => {
  dir = tempDir('storydiff-e2e-events-');
  const db = join(dir, 'archive.db');
  execFileSync(cli, ['--db', db, 'import', seeds], { stdio: 'ignore' });
  server = await startServer(db);
  chrome = await launchBrowser();
  page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
  await page.setViewportSize({ width: 1280, height: 860 });
  mkdirSync(screens, { recursive: true });
  problems = watch(page);
  chrome.context.setDefaultTimeout(15000);
  const probe = await page.request.get(server.url + 'api/threads?limit=1');
  if (probe.status() === 404) missing = 'the server has no event routes yet (GET /api/threads answers 404)';
});

after(async () => {
  await chrome?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// skipping says why a test did not run, only when the routes are absent.
function skipping(t) {
  if (!missing) return false;
  t.skip(missing);
  return true;
}

test('the Stories view lists the events, largest first, and finds one by a word', async (t) => {
  if (skipping(t)) return;
  await page.goto(server.url + '#/stories');
  const rows = page.getByTestId('event-row');
  await rows.first().waitFor();
  const events = await api('events');
  assert.equal(await rows.count(), events.length);
  const sizes = await page.locator('[data-testid=event-row] td:nth-child(2)').allTextContents();
  assert.deepEqual(sizes.map(Number), [...sizes.map(Number)].sort((a, b) => b - a), 'largest first');
  await snap('events');
  // Seed 003's title names Austin; so do others, not every one.
  await page.getByLabel('Search events').fill('Austin');
  await page.locator('[data-testid=events-count][data-query=Austin]').waitFor();
  const found = await api('events?q=Austin');
  assert.ok(found.length > 0 && found.length <= events.length, `events matching Austin: got ${found.length}`);
  assert.equal(await rows.count(), found.length);
  await page.getByLabel('Search events').fill('no such words anywhere');
  await page.getByText('No event matches "no such words anywhere".').waitFor();
});

test('the event of 003 and 004 shows both versions and the evidence naming Belousov', async (t) => {
  if (skipping(t)) return;
  await event003and004(page.request, server.url);
  const a = await api('articles/' + ref003);
  const b = await api('articles/' + ref004);
  const ev = await api('event?ref=' + ref003);
  assert.ok(ev, 'seed 003 belongs to an event');
  await page.goto(server.url + '#/story/' + ev.id);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const versions = page.getByTestId('version');
  await versions.first().waitFor();
  const titles = await page.locator('[data-testid=version] a.title').allTextContents();
  assert.ok(titles.includes(a.title) && titles.includes(b.title), `versions: got ${JSON.stringify(titles)}`);
  assert.equal(await page.locator('[data-testid=version] .badge', { hasText: 'earliest' }).count(), 1);

  // The later of the two is weighed against the earliest; all its evidence
  // is one click away, and names Belousov on both sides.
  const other = versions.filter({ hasNot: page.getByText('The earliest version:') }).first();
  await other.getByTestId('evidence').waitFor();
  const more = other.getByRole('button', { name: /Show all \d+ pieces of evidence/ });
  if (await more.count()) await more.click();
  const evidence = await other.getByTestId('evidence').textContent();
  assert.match(evidence, /Belousov/, `evidence: got ${evidence.slice(0, 400)}`);
  assert.match(await other.textContent(), /\d+ % same event/);
  await snap('event');

  // A deep link survives a reload.
  await page.reload();
  await page.locator('[data-testid=version] a.title', { hasText: b.title }).waitFor();
});

test('a thread lists its events oldest first', async (t) => {
  if (skipping(t)) return;
  const threads = await api('threads');
  assert.ok(threads.length > 0, 'the seeds make a thread');
  await page.goto(server.url + '#/threads');
  await page.getByTestId('thread-row').first().waitFor();
  await page.getByTestId('thread-row').first().getByRole('link').click();
  const items = page.getByTestId('thread-event');
  await items.first().waitFor();
  const view = await api('threads/' + threads[0].id);
  assert.equal(await items.count(), view.events.length);
  const dates = (await page.locator('[data-testid=thread-event] .head .date').allTextContents()).filter((d) => d !== 'undated');
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  // 000 and 001 carry no date; analysis estimated one from the days they
  // give without a year, shown beside "undated".
  const members = await page.locator('[data-testid=thread-event] .members .date').allTextContents();
  assert.ok(
    members.some((d) => /^undated, estimated \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/.test(d)),
    `member dates: ${members.join(' | ')}`,
  );
  await snap('thread');
});

test('the Article view of an undated seed gives its estimated date, linked to the article whose year it reads', async (t) => {
  if (skipping(t)) return;
  const a = await api('articles/000_e445162bcb1b35cb.txt');
  assert.equal(a.published, null);
  assert.ok(a.estimated, `000 has no estimate: ${JSON.stringify(a)}`);
  await page.goto(server.url + '#/article/' + a.id);
  const est = page.getByTestId('estimated');
  await est.waitFor();
  const text = (await est.textContent()).replace(/\s+/g, ' ');
  assert.match(text, new RegExp(`estimated ${a.estimated.from} to ${a.estimated.to}`), text);
  assert.equal(await est.getByRole('link').getAttribute('href'), '#/article/' + a.estimated.anchor);
});

test('the Article view shows the related articles with a probability and the evidence', async (t) => {
  if (skipping(t)) return;
  const a = await api('articles/' + ref003);
  await page.goto(server.url + '#/article/' + a.id);
  const related = page.getByTestId('related');
  await related.waitFor();
  const want = await api('related?ref=' + a.id + '&limit=10');
  assert.equal(await related.getByTestId('related-item').count(), want.length);
  if (want.length > 0) {
    const first = related.getByTestId('related-item').first();
    assert.match(await first.textContent(), /\d+ %|<1 %|>99 %/);
    await first.locator('summary').click();
    await first.getByTestId('evidence').waitFor();
  }
  await page.getByTestId('event-links').getByRole('link', { name: /Open event \d+/ }).waitFor();
  await snap('article-related');
});

test('removing a version changes the page in place, and the correction is listed', async (t) => {
  if (skipping(t)) return;
  // Seed 004 is taken out of the event of 003 (or, while the two are apart,
  // the latest other version is).
  const ev = await api('event?ref=' + ref003);
  const a = await api('articles/' + ref003);
  const b4 = await api('articles/' + ref004);
  const others = ev.articles.filter((m) => m.id !== a.id);
  assert.ok(others.length > 0, 'the event of 003 has another version');
  const b = others.find((m) => m.id === b4.id) ?? others.at(-1);
  removed = b.id;
  await page.goto(server.url + '#/story/' + ev.id);
  const row = page.locator('[data-testid=version]', { hasText: b.title });
  await row.waitFor();
  const before = await page.getByTestId('version').count();
  // No navigation happens: the page's own state changes.
  await page.evaluate(() => (window.__samePage = true));
  await row.getByRole('button', { name: 'Remove from event' }).click();
  await page.getByTestId('correction-done').waitFor();
  assert.match(await page.getByTestId('correction-done').textContent(), /Removed/);
  await row.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('version').count(), before - 1);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was not loaded again');
  const now = await api('event?ref=' + b.id);
  assert.notEqual(now?.id, ev.id, 'the archive holds the correction');
  await snap('event-corrected');

  await page.getByRole('link', { name: 'All events' }).click();
  await page.getByRole('link', { name: 'Corrections' }).click();
  const listed = page.locator('[data-testid=corrections] tr[data-kind=remove]');
  await listed.waitFor();
  assert.match(await listed.textContent(), new RegExp(`article ${b.id} removed from its event`));
});

test('merging the two back: the retired id leads to the merged event, with a note', async (t) => {
  if (skipping(t)) return;
  const a = await api('articles/' + ref003);
  const b = await api('articles/' + removed);
  const from = await api('event?ref=' + removed);
  const into = await api('event?ref=' + ref003);
  await page.goto(server.url + '#/story/' + from.id);
  await page.getByRole('button', { name: 'Merge with another event...' }).click();
  await page.getByTestId('event-picker-search').fill(String(into.id));
  await page.getByTestId('pick-event').filter({ hasText: `event ${into.id}` }).first().click();
  await page.getByTestId('correction-done').waitFor();
  await page.locator('[data-testid=version] a.title', { hasText: a.title }).waitFor();
  await page.locator('[data-testid=version] a.title', { hasText: b.title }).waitFor();
  const merged = await api('event?ref=' + removed);
  assert.equal(merged.id, (await api('event?ref=' + ref003)).id, 'one event again');
  const retired = merged.id === from.id ? into.id : from.id;
  await page.goto(server.url + '#/story/' + retired);
  const note = page.getByTestId('merged-note');
  await note.waitFor();
  assert.equal((await note.textContent()).trim(), `Event ${retired} was merged into event ${merged.id}.`);
});

test('ticking a version and splitting it off makes a new event, named on the page', async (t) => {
  if (skipping(t)) return;
  const b = await api('articles/' + removed);
  const ev = await api('event?ref=' + removed);
  await page.goto(server.url + '#/story/' + ev.id);
  const row = page.locator('[data-testid=version]', { hasText: b.title });
  await row.waitFor();
  await row.getByRole('checkbox').check();
  await page.getByTestId('split').click();
  const done = page.getByTestId('correction-done');
  await done.waitFor();
  const made = await api('event?ref=' + removed);
  assert.notEqual(made.id, ev.id);
  assert.match(await done.textContent(), new RegExp(`Split 1 of \\d+ versions into event ${made.id}`));
  await row.waitFor({ state: 'detached' });
  await done.getByRole('link', { name: new RegExp(`event ${made.id}`) }).click();
  await page.locator('[data-testid=version] a.title', { hasText: b.title }).waitFor();
});

test('no console errors, page errors or CSP violations on the event pages', (t) => {
  if (skipping(t)) return;
  assert.deepEqual(problems, []);
});
