import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { Api } from '../api/client';
import type { Correction } from '../api/types';
import { FakeTransport } from '../testing';
import PairVerdict from './PairVerdict.svelte';

async function settle() {
  for (let i = 0; i < 4; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

describe('PairVerdict', () => {
  it('shows the probability and the evidence, and records a verdict then weighs the pair again', async () => {
    const t = new FakeTransport();
    let same = false;
    const said: Correction[] = [];
    t.handlers.Explain = (a: string, b: string) => ({
      a: Number(a),
      b: Number(b),
      score: same ? 0.99 : 0.31,
      same_event: same,
      same_thread: true,
      thread: 0.8,
      evidence: [{ kind: 'name', a_text: 'Belousov', b_text: 'Белоусов', weight: 1.2 }],
    });
    t.handlers.Correct = (c: Correction) => {
      said.push(c);
      same = c.kind === 'same';
      return [];
    };
    const target = document.createElement('div');
    document.body.append(target);
    const c = mount(PairVerdict, { target, props: { a: '4', b: '5', api: new Api(t) } });
    cleanup.push(() => unmount(c), () => target.remove());
    await settle();
    expect(target.querySelector('.prob')?.textContent).toBe('31 % likely the same event');
    expect(target.querySelector('.badge')?.textContent).toBe('one thread');
    expect([...target.querySelectorAll('[data-testid=evidence] td')].map((td) => td.textContent).slice(0, 3)).toEqual([
      'Name',
      'Belousov',
      'Белоусов',
    ]);
    const button = [...target.querySelectorAll('button')].find((b) => b.textContent === 'Same event') as HTMLButtonElement;
    button.click();
    await settle();
    expect(said).toEqual([{ kind: 'same', a: 4, b: 5 }]);
    expect(target.querySelector('.prob')?.textContent).toBe('99 % likely the same event');
    expect(target.querySelector('[role=status]')?.textContent).toBe('Recorded: the same event.');
  });
});
