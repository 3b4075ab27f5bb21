import { describe, expect, it } from 'vitest';
import { offsetsOf, rangeIn } from './virtual';

describe('offsetsOf', () => {
  it('uses measured heights where known and the estimate elsewhere', () => {
    expect(Array.from(offsetsOf(4, [10, undefined, 30], 20))).toEqual([0, 10, 30, 60, 80]);
  });
  it('is just a zero for no rows', () => {
    expect(Array.from(offsetsOf(0, [], 20))).toEqual([0]);
  });
});

describe('rangeIn', () => {
  const off = offsetsOf(10, [], 50); // rows at 0, 50, ..., 450; total 500
  const cases = [
    { name: 'the top of the list', top: 0, bottom: 120, want: [0, 3] },
    { name: 'a view starting inside a row keeps that row', top: 75, bottom: 160, want: [1, 4] },
    { name: 'the bottom of the list', top: 430, bottom: 900, want: [8, 10] },
    { name: 'past the end still shows the last row', top: 2000, bottom: 2100, want: [9, 10] },
    { name: 'above the top (overscan) starts at the first row', top: -300, bottom: 40, want: [0, 1] },
  ];
  for (const c of cases) it(c.name, () => expect(rangeIn(off, c.top, c.bottom)).toEqual(c.want));
  it('is empty for an empty list', () => expect(rangeIn(offsetsOf(0, [], 50), 0, 100)).toEqual([0, 0]));
});
