import { describe, expect, it } from 'vitest';
import { articleHref, compareHref, parseRoute, storyHref, threadHref, networkHref } from './route.svelte';

describe('parseRoute', () => {
  const cases = [
    { hash: '', want: { view: 'library' } },
    { hash: '#/', want: { view: 'library' } },
    { hash: '#/nonsense', want: { view: 'library' } },
    { hash: '#/import', want: { view: 'import' } },
    { hash: '#/duplicates', want: { view: 'duplicates' } },
    { hash: '#/stories', want: { view: 'stories' } },
    { hash: articleHref('dir/001 a.txt'), want: { view: 'article', ref: 'dir/001 a.txt' } },
    { hash: compareHref(3, 'b/4.txt'), want: { view: 'compare', a: '3', b: 'b/4.txt' } },
    { hash: '#/compare/3', want: { view: 'library' } },
    { hash: '#/threads', want: { view: 'threads' } },
    { hash: '#/corrections', want: { view: 'corrections' } },
    { hash: storyHref(42), want: { view: 'story', id: 42 } },
    { hash: threadHref(7), want: { view: 'thread', id: 7 } },
    { hash: '#/story/x1', want: { view: 'stories' } },
    { hash: '#/thread/', want: { view: 'threads' } },
    { hash: storyHref(42, 'network'), want: { view: 'story', id: 42, picture: 'network' } },
    { hash: threadHref(7, 'timeline'), want: { view: 'thread', id: 7, picture: 'timeline' } },
    { hash: '#/story/42/painting', want: { view: 'stories' } },
    { hash: '#/overview', want: { view: 'overview' } },
    { hash: networkHref('ceasefire talks/Kyiv'), want: { view: 'network', q: 'ceasefire talks/Kyiv' } },
  ];
  for (const c of cases) it(c.hash || 'empty', () => expect(parseRoute(c.hash)).toEqual(c.want));
});
