import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, repeatMarks, segments, changeLabel, versionDate } from './text';

describe('segments', () => {
  const cases = [
    { name: 'no blocks', text: 'abc', blocks: [], want: [{ text: 'abc', kind: '' }] },
    {
      name: 'offsets are code points, not UTF-16 units',
      text: '\u{1D538}\u{1D539} bc',
      blocks: [{ kind: 'repeat', start: 1, end: 3 }],
      want: [
        { text: '\u{1D538}', kind: '' },
        { text: '\u{1D539} ', kind: 'repeat' },
        { text: 'bc', kind: '' },
      ],
    },
    {
      name: 'body and title blocks do not cut the text',
      text: 'Title\nBody',
      blocks: [
        { kind: 'title', start: 0, end: 5 },
        { kind: 'body', start: 6, end: 10 },
      ],
      want: [{ text: 'Title\nBody', kind: '' }],
    },
    {
      name: 'repeat wins over boilerplate where they overlap',
      text: 'aaaabbbb',
      blocks: [
        { kind: 'repeat', start: 2, end: 6 },
        { kind: 'boilerplate', start: 0, end: 4 },
      ],
      want: [
        { text: 'aa', kind: 'boilerplate' },
        { text: 'aaaa'.slice(0, 2) + 'bb', kind: 'repeat' },
        { text: 'bb', kind: '' },
      ],
    },
    { name: 'out of range offsets are clamped', text: 'ab', blocks: [{ kind: 'repeat', start: 1, end: 99 }], want: [{ text: 'a', kind: '' }, { text: 'b', kind: 'repeat' }] },
    { name: 'empty text', text: '', blocks: [], want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(segments(c.text, c.blocks).map(({ text, kind }) => ({ text, kind }))).toEqual(c.want);
      expect(segments(c.text, c.blocks).map((s) => s.text).join('')).toBe(c.text);
    });
  }
});

describe('formatDate', () => {
  const cases = [
    { in: '2022-10-21T15:25:00Z', want: '2022-10-21' },
    { in: null, want: '' },
    { in: '0001-01-01T00:00:00Z', want: '' },
    { in: 'garbage', want: '' },
  ];
  for (const c of cases) it(String(c.in), () => expect(formatDate(c.in)).toBe(c.want));
});

describe('versionDate', () => {
  it('gives a stated date', () => expect(versionDate({ published: '2022-10-21T15:25:00Z' })).toBe('2022-10-21'));
  it('says undated', () => expect(versionDate({ published: null })).toBe('undated'));
  it('gives an estimate beside undated', () =>
    expect(versionDate({ published: null, estimated: { from: '2021-11-24', to: '2022-05-27', anchor: 3 } })).toBe(
      'undated, estimated 2021-11-24 to 2022-05-27',
    ));
});

describe('formatDuration', () => {
  const cases = [
    { in: 4.4, want: '4 s' },
    { in: 125, want: '2 min 5 s' },
    { in: 3720, want: '1 h 2 min' },
    { in: null, want: '' },
  ];
  for (const c of cases) it(String(c.in), () => expect(formatDuration(c.in)).toBe(c.want));
});

describe('formatDateTime', () => {
  const cases = [
    { in: '2026-11-21T23:36:42.585650176Z', want: '2026-11-21 23:36 UTC' },
    { in: '2024-07-27T14:30:09+02:00', want: '2024-07-27 12:30 UTC' },
    { in: '', want: '' },
  ];
  for (const c of cases) it(c.in || 'empty', () => expect(formatDateTime(c.in)).toBe(c.want));
});

describe('repeatMarks', () => {
  it('numbers passages and occurrences and keeps rune offsets', () => {
    const text = 'AB AB x';
    const marks = repeatMarks([{ occurrences: [{ start: 0, end: 2 }, { start: 3, end: 5 }] }]);
    const got = segments(text, marks).map((s) => [s.text, s.kind, s.start, s.passage, s.occurrence]);
    expect(got).toEqual([
      ['AB', 'repeat', 0, 0, 0],
      [' ', '', 2, undefined, undefined],
      ['AB', 'repeat', 3, 0, 1],
      [' x', '', 5, undefined, undefined],
    ]);
  });
});

describe('changeLabel', () => {
  it('counts the changes until one is chosen, then says which', () => {
    expect(changeLabel(-1, 0)).toBe('No changes');
    expect(changeLabel(-1, 1)).toBe('1 change');
    expect(changeLabel(-1, 1200)).toBe('1,200 changes');
    expect(changeLabel(0, 1)).toBe('Change 1 of 1');
    expect(changeLabel(4, 12)).toBe('Change 5 of 12');
    expect(changeLabel(3, 2)).toBe('2 changes'); // a stale position after the options changed
  });
});
