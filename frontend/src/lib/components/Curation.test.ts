import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { ArticleDetail, EditRequest, Item, Note } from '../api/types';
import { cleanTag, editedNote } from '../curation';
import { FakeTransport, deferred } from '../testing';
import EditArticle from './EditArticle.svelte';
import NoteEditor from './NoteEditor.svelte';
import TagEditor from './TagEditor.svelte';

async function settle() {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

function place<P extends Record<string, unknown>>(component: any, props: P): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const c = mount(component, { target, props });
  flushSync();
  cleanup.push(() => {
    unmount(c);
    target.remove();
  });
  return target;
}

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

const hostile = '<script>alert(1)</script>';

describe('curation helpers', () => {
  it('says what an edited field was imported with', () => {
    const a = {
      edits: [
        { field: 'outlet' as const, imported: 'reuters.com', editedAt: '' },
        { field: 'date' as const, imported: '2021-03-04T00:00:00Z', importedFrom: 'meta:date', editedAt: '' },
        { field: 'title' as const, imported: '', editedAt: '' },
      ],
    };
    expect(editedNote(a, 'outlet')).toBe('(edited; imported: reuters.com)');
    expect(editedNote(a, 'date')).toBe('(edited; imported: 2021-03-04, from meta:date)');
    expect(editedNote(a, 'title')).toBe('(edited; imported: none)');
    a.edits[1].imported = '2022-10-21T15:25:00Z';
    expect(editedNote(a, 'date')).toBe('(edited; imported: 2022-10-21 15:25 UTC, from meta:date)');
    expect(editedNote({ edits: [] }, 'outlet')).toBe('');
    expect(cleanTag('  to   check ')).toBe('to check');
  });
});

describe('TagEditor', () => {
  it('adds a tag with Enter, removes one, and shows markup as text', async () => {
    const t = new FakeTransport();
    const calls: [Item, string[], boolean][] = [];
    let tags = [hostile];
    t.handlers.TagItem = (item: Item, names: string[], remove: boolean) => {
      calls.push([item, names, remove]);
      tags = remove ? tags.filter((x) => !names.includes(x)) : [...tags, ...names];
      return tags;
    };
    let shown: string[] = [];
    const el = place(TagEditor, { item: { kind: 'article', ref: '3' }, tags, api: new Api(t), onchange: (n: string[]) => (shown = n) });
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('[data-testid=tag]')!.textContent).toContain(hostile);

    const input = el.querySelector<HTMLInputElement>('[data-testid=tag-input]')!;
    typeInto(input, '  to   check ');
    input.form!.requestSubmit();
    await settle();
    expect(calls[0]).toEqual([{ kind: 'article', ref: '3' }, ['to check'], false]);
    expect(shown).toEqual([hostile, 'to check']);
    expect(input.value).toBe('');

    el.querySelector<HTMLButtonElement>(`button[aria-label="Remove tag ${hostile}"]`)!.click();
    await settle();
    expect(calls[1]).toEqual([{ kind: 'article', ref: '3' }, [hostile], true]);
    expect(shown).toEqual(['to check']);
  });

  it('keeps a tag typed while another is being saved, and adds it next', async () => {
    const t = new FakeTransport();
    const first = deferred<string[]>();
    const calls: string[][] = [];
    t.handlers.TagItem = (_: Item, names: string[]) => {
      calls.push(names);
      return calls.length === 1 ? first.promise : ['to check', ...names];
    };
    let shown: string[] = [];
    const el = place(TagEditor, { item: { kind: 'article', ref: '3' }, tags: [], api: new Api(t), onchange: (n: string[]) => (shown = n) });
    const input = el.querySelector<HTMLInputElement>('[data-testid=tag-input]')!;
    typeInto(input, 'to check');
    input.form!.requestSubmit();
    await settle();
    typeInto(input, 'second');
    input.form!.requestSubmit(); // Enter while the first save is under way
    await settle();
    expect(calls).toEqual([['to check']]);
    first.resolve(['to check']);
    await settle();
    expect(calls).toEqual([['to check'], ['second']]);
    expect(shown).toEqual(['to check', 'second']);
    expect(input.value).toBe('');
  });

  it('puts a refused tag back in the box', async () => {
    const t = new FakeTransport();
    t.handlers.TagItem = () => {
      throw { code: 'invalid', message: 'article 3: a tag cannot hold control characters' };
    };
    const el = place(TagEditor, { item: { kind: 'article', ref: '3' }, tags: [], api: new Api(t) });
    const input = el.querySelector<HTMLInputElement>('[data-testid=tag-input]')!;
    typeInto(input, 'x y');
    input.form!.requestSubmit();
    await settle();
    expect(input.value).toBe('x y');
  });

  it('shows the service refusing a tag', async () => {
    const t = new FakeTransport();
    t.handlers.TagItem = () => {
      throw { code: 'invalid', message: 'article 3: a tag cannot hold control characters' };
    };
    const el = place(TagEditor, { item: { kind: 'article', ref: '3' }, tags: [], api: new Api(t) });
    const input = el.querySelector<HTMLInputElement>('[data-testid=tag-input]')!;
    typeInto(input, 'x');
    input.form!.requestSubmit();
    await settle();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('article 3: a tag cannot hold control characters');
  });
});

describe('NoteEditor', () => {
  it('saves with Ctrl+Enter, says when it changed, and clears', async () => {
    const t = new FakeTransport();
    const saved: string[] = [];
    t.handlers.SetNote = (_: Item, text: string) => {
      saved.push(text);
      return text ? { text, updatedAt: '2024-05-06T07:08:00Z' } : null;
    };
    let note: Note | null = null;
    const el = place(NoteEditor, { item: { kind: 'event', ref: '12' }, note: { text: hostile, updatedAt: '2024-01-01T00:00:00Z' }, api: new Api(t), onchange: (n: Note | null) => (note = n) });
    const box = el.querySelector<HTMLTextAreaElement>('[data-testid=note-input]')!;
    expect(box.value).toBe(hostile);
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('[data-testid=note-when]')!.textContent).toContain('2024-01-01 00:00 UTC');
    typeInto(box, 'Ask the desk');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await settle();
    expect(saved).toEqual(['Ask the desk']);
    expect(note).toEqual({ text: 'Ask the desk', updatedAt: '2024-05-06T07:08:00Z' });
    [...el.querySelectorAll('button')].find((b) => b.textContent === 'Clear')!.click();
    await settle();
    expect(saved).toEqual(['Ask the desk', '']);
    expect(note).toBeNull();
  });
});

function detail(over: Partial<ArticleDetail> = {}): ArticleDetail {
  return {
    id: 7, sha256: '', title: 'Fixed title', outlet: 'Reuters', published: '2021-03-04T00:00:00Z', language: 'en', encoding: 'utf-8',
    format: 'txt', words: 10, import_id: 1, imported_at: '', paths: [], locations: [], blocks: [],
    edits: [{ field: 'outlet', imported: hostile, editedAt: '2024-01-01T00:00:00Z' }],
    ...over,
  } as ArticleDetail;
}

describe('EditArticle', () => {
  it('shows the imported value as text, sends only the changed fields, and reverts one', async () => {
    const t = new FakeTransport();
    const sent: [string, EditRequest][] = [];
    const reverted: [string, string[]][] = [];
    t.handlers.EditArticle = (ref: string, r: EditRequest) => {
      sent.push([ref, r]);
      return detail({ title: r.title ?? 'Fixed title' });
    };
    t.handlers.RevertArticle = (ref: string, fields: string[]) => {
      reverted.push([ref, fields]);
      return detail({ edits: [] });
    };
    let got: ArticleDetail | null = null;
    const el = place(EditArticle, { article: detail(), api: new Api(t), onchange: (a: ArticleDetail) => (got = a) });
    expect(el.querySelector('[data-testid=edited-outlet]')!.textContent).toContain('Outlet edited; imported: ' + hostile);
    expect(el.querySelector('script')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid=edit-open]')!.click();
    flushSync();
    const title = el.querySelector<HTMLInputElement>('[data-testid=edit-title]')!;
    expect(title.value).toBe('Fixed title');
    expect(el.querySelector<HTMLInputElement>('[data-testid=edit-date]')!.value).toBe('2021-03-04');
    typeInto(title, 'Better title');
    el.querySelector<HTMLButtonElement>('[data-testid=edit-save]')!.click();
    await settle();
    expect(sent).toEqual([['7', { title: 'Better title' }]]);
    expect(got!.title).toBe('Better title');
    expect(el.querySelector('form')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid=edited-outlet] button')!.click();
    await settle();
    expect(reverted).toEqual([['7', ['outlet']]]);
  });

  it('closes with Escape without saving', async () => {
    const t = new FakeTransport();
    t.handlers.EditArticle = () => {
      throw new Error('must not save');
    };
    const el = place(EditArticle, { article: detail(), api: new Api(t) });
    el.querySelector<HTMLButtonElement>('[data-testid=edit-open]')!.click();
    flushSync();
    const title = el.querySelector<HTMLInputElement>('[data-testid=edit-title]')!;
    typeInto(title, 'Not kept');
    title.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    flushSync();
    expect(el.querySelector('form')).toBeNull();
    expect(t.calls.length).toBe(0);
  });
});
