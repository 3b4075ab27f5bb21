// Shared set-up for the end-to-end tests: a fresh archive served by
// `storydiff-cli serve` on a free port, and Debian's Chromium driven by
// playwright-core (which cannot download browsers here, and need not).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// playwright-core is a devDependency of the frontend package.
const require = createRequire(new URL('../frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const root = resolve(new URL('..', import.meta.url).pathname);
export const cli = process.env.STORYDIFF_CLI ?? join(root, 'build/bin/storydiff-cli');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// startServer runs serve on 127.0.0.1 port 0 and resolves with the URL it prints.
// The browser may import from the temporary folder, where the tests write
// their corpora (serve imports nothing from the browser without --import-root).
export async function startServer(dbPath) {
  const args = ['--db', dbPath, 'serve', '--addr', '127.0.0.1:0', '--import-root', tmpdir()];
  const proc = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no address in 15 s: ' + err)), 15000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[0]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  return {
    url,
    stderr: () => err,
    stop: () =>
      new Promise((done) => {
        if (proc.exitCode !== null) return done();
        proc.on('exit', done);
        proc.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'storydiff-chromium-'));
  // A persistent context on a fresh, empty profile directory: nothing from
  // an earlier run (cache, storage) can leak into this one.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// watch collects the page's console errors and uncaught exceptions; CSP
// violations are reported as console errors too.
export function watch(page) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push('console: ' + m.text());
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  return problems;
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}
