import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import { HttpTransport } from '../api/http';
import { FakeTransport, deferred } from '../testing';
import ExportReport from './ExportReport.svelte';

// In the window the report is saved by a job; the browser gets a link instead.
function setup() {
  const t = new FakeTransport('wails');
  const target = document.createElement('div');
  document.body.append(target);
  const component = mount(ExportReport, { target, props: { request: { kind: 'archive' }, api: new Api(t) } });
  const status = () => target.querySelector('[role=status]')?.textContent ?? '';
  const click = () => (target.querySelector('[data-testid=export]') as HTMLButtonElement).click();
  return { t, target, component, status, click };
}

// settle lets every pending promise callback run, then updates the DOM.
async function settle() {
  await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

describe('ExportReport in the window', () => {
  it('says where the report went even when the job ends before its start call answers', async () => {
    const s = setup();
    cleanup.push(() => unmount(s.component), () => s.target.remove());
    const started = deferred<{ jobId: string }>();
    s.t.handlers.ExportReport = () => started.promise;
    s.click();
    s.t.emit('job:done', { jobId: 'report-1', kind: 'report', result: '/home/r/archive.html' });
    started.resolve({ jobId: 'report-1' });
    await settle();
    expect(s.status()).toBe('Report saved to /home/r/archive.html');
  });

  it('shows nothing when the save dialog is closed', async () => {
    const s = setup();
    cleanup.push(() => unmount(s.component), () => s.target.remove());
    const started = deferred<null>();
    s.t.handlers.ExportReport = () => started.promise;
    s.click();
    flushSync();
    expect(s.status()).toBe('');
    started.resolve(null);
    await settle();
    expect(s.status()).toBe('');
    expect(s.target.querySelector('[role=alert]')).toBeNull();
  });

  it('shows a failed report in words', async () => {
    const s = setup();
    cleanup.push(() => unmount(s.component), () => s.target.remove());
    s.t.handlers.ExportReport = () => ({ jobId: 'report-1' });
    s.click();
    await settle();
    expect(s.status()).toBe('Writing the report...');
    s.t.emit('job:done', { jobId: 'report-1', kind: 'report', error: 'the disk holding /home/r is full', code: 'disk_full' });
    flushSync();
    expect(s.status()).toBe('');
    expect(s.target.querySelector('[role=alert]')?.textContent).toBe('the disk holding /home/r is full');
  });
});

describe('ExportReport of the archive', () => {
  it('asks for every article only when the box is ticked', async () => {
    const s = setup();
    cleanup.push(() => unmount(s.component), () => s.target.remove());
    const asked: unknown[] = [];
    s.t.handlers.ExportReport = (req: unknown) => {
      asked.push(req);
      return null;
    };
    s.click();
    await settle();
    (s.target.querySelector('[data-testid=export-full]') as HTMLInputElement).click();
    flushSync();
    s.click();
    await settle();
    expect(asked).toEqual([
      { kind: 'archive', format: 'html' },
      { kind: 'archive', format: 'html', full: true },
    ]);
  });

  it('offers no such box for other reports', () => {
    const t = new FakeTransport('wails');
    const target = document.createElement('div');
    document.body.append(target);
    const component = mount(ExportReport, { target, props: { request: { kind: 'duplicates' }, api: new Api(t) } });
    cleanup.push(() => unmount(component), () => target.remove());
    expect(target.querySelector('[data-testid=export-full]')).toBeNull();
  });

  it('puts full=1 in the browser download link', () => {
    const t = new HttpTransport({ fetch: (() => Promise.reject(new Error('no fetch'))) as unknown as typeof fetch });
    const target = document.createElement('div');
    document.body.append(target);
    const component = mount(ExportReport, { target, props: { request: { kind: 'archive' }, api: new Api(t) } });
    cleanup.push(() => unmount(component), () => target.remove());
    const link = () => (target.querySelector('[data-testid=export]') as HTMLAnchorElement).getAttribute('href') ?? '';
    expect(link()).not.toContain('full=');
    (target.querySelector('[data-testid=export-full]') as HTMLInputElement).click();
    flushSync();
    expect(link()).toContain('full=1');
  });
});

