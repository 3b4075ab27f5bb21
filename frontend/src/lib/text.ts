import type { Block } from './api/types';

export interface Segment {
  text: string;
  kind: string; // '' for text outside every block
}

// segments cuts text at the blocks' rune offsets (code points, as the Go
// service counts them), so boilerplate and repeated passages can be styled.
// Overlapping blocks: a later block wins for the overlap, and 'repeat' wins
// over every other kind since it is the more specific mark.
export function segments(text: string, blocks: readonly Block[]): Segment[] {
  const runes = Array.from(text);
  const n = runes.length;
  const kinds: string[] = new Array(n).fill('');
  const rank = (k: string) => (k === 'repeat' ? 2 : k === 'boilerplate' ? 1 : 0);
  for (const b of blocks) {
    if (rank(b.kind) === 0) continue; // only marked kinds change how text looks
    const s = Math.max(0, Math.min(n, b.start));
    const e = Math.max(s, Math.min(n, b.end));
    for (let i = s; i < e; i++) if (rank(b.kind) >= rank(kinds[i])) kinds[i] = b.kind;
  }
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || kinds[i] !== kinds[start]) {
      out.push({ text: runes.slice(start, i).join(''), kind: kinds[start] });
      start = i;
    }
  }
  return out;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return '';
  return d.toISOString().slice(0, 10);
}

// formatDateTime shows a timestamp to the minute, in UTC so that a report
// and the screen agree whatever the machine's zone.
export function formatDateTime(iso: string | null | undefined): string {
  const day = formatDate(iso);
  if (!day) return '';
  return day + ' ' + new Date(iso!).toISOString().slice(11, 16) + ' UTC';
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
