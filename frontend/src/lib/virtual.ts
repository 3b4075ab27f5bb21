// Geometry of a list of rows of varying height, for VirtualRows.

// offsetsOf returns the top of each of count rows and, last, the total
// height: measured heights where known, the estimate elsewhere.
export function offsetsOf(count: number, heights: readonly (number | undefined)[], estimate: number): Float64Array {
  const out = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) out[i + 1] = out[i] + (heights[i] ?? estimate);
  return out;
}

// rangeIn returns the rows [first, last) that overlap the stretch from top
// to bottom (pixels from the top of the list).
export function rangeIn(offsets: Float64Array, top: number, bottom: number): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  // The last row starting at or above top: binary search.
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= top) lo = mid;
    else hi = mid - 1;
  }
  let last = lo;
  while (last < n && offsets[last] < bottom) last++;
  return [lo, Math.max(last, lo + 1)];
}
