import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../api/types';
import LibraryTable from './LibraryTable.svelte';

// bind:clientHeight watches the viewport with a ResizeObserver, which
// jsdom lacks; the rows in view do not depend on it here.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

function article(id: number, title: string, tags?: string[]): Article {
  return {
    id,
    sha256: 'x',
    title,
    outlet: 'Outlet',
    published: null,
    language: 'en',
    encoding: 'utf-8',
    format: 'txt',
    words: 10,
    import_id: 1,
    imported_at: '2026-01-01T00:00:00Z',
    paths: [],
    tags,
  };
}

function place(rows: Article[], ontag: (t: string) => void): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const c = mount(LibraryTable, {
    target,
    props: {
      total: rows.length,
      row: (i: number) => rows[i],
      ensure: () => {},
      sort: 'published',
      desc: true,
      onsort: () => {},
      onopen: () => {},
      ontag,
    },
  });
  flushSync();
  cleanup.push(() => {
    unmount(c);
    target.remove();
  });
  return target;
}

describe('LibraryTable', () => {
  it("shows each row's tags as text, and a click on one filters by it", () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const picked: string[] = [];
    const el = place([article(1, 'Tagged', ['to-check', hostile]), article(2, 'Untagged')], (t) => picked.push(t));
    const rows = el.querySelectorAll('[role=row][id^=row-]');
    expect(rows.length).toBe(2);
    const chips = [...rows[0].querySelectorAll('[data-testid=row-tags] .chip')];
    expect(chips.map((c) => c.textContent)).toEqual(['to-check', hostile]);
    expect(el.querySelector('img')).toBeNull();
    expect(rows[1].querySelector('[data-testid=row-tags]')).toBeNull();
    (chips[0] as HTMLButtonElement).click();
    expect(picked).toEqual(['to-check']);
  });
});
