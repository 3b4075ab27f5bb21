import type { Block, DateEstimate, Span } from './api/types';

export interface Segment {
  text: string;
  kind: string; // '' for text outside every marked block
  start: number; // rune offset of the segment in the text
  passage?: number; // for a repeat: which repeated passage
  occurrence?: number; // for a repeat: which occurrence of it
}

export interface Mark extends Block {
  passage?: number;
  occurrence?: number;
}

// A quote is marked over boilerplate but under a repeated passage, whose
// mark is a link to its next occurrence.
const rank = (k: string) => (k === 'repeat' ? 3 : k === 'quote' ? 2 : k === 'boilerplate' ? 1 : 0);

// segments cuts text at the marks' rune offsets (code points, as the Go
// service counts them), so boilerplate and repeated passages can be styled.
// Where marks overlap, 'repeat' wins over 'boilerplate' (it is the more
// specific mark) and a later mark over an earlier one of the same kind.
export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const runes = Array.from(text);
  const n = runes.length;
  const owner: number[] = new Array(n).fill(-1);
  marks.forEach((m, idx) => {
    const r = rank(m.kind);
    if (r === 0) return; // only marked kinds change how text looks
    const s = Math.max(0, Math.min(n, m.start));
    const e = Math.max(s, Math.min(n, m.end));
    for (let i = s; i < e; i++) if (owner[i] < 0 || r >= rank(marks[owner[i]].kind)) owner[i] = idx;
  });
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || owner[i] !== owner[start]) {
      const m = owner[start] >= 0 ? marks[owner[start]] : null;
      const seg: Segment = { text: runes.slice(start, i).join(''), kind: m?.kind ?? '', start };
      if (m?.passage !== undefined) seg.passage = m.passage;
      if (m?.occurrence !== undefined) seg.occurrence = m.occurrence;
      out.push(seg);
      start = i;
    }
  }
  return out;
}

// repeatMarks turns the service's repeated passages into marks that know
// which passage and occurrence they are, so each can link to the next.
export function repeatMarks(passages: readonly { occurrences: readonly Span[] }[]): Mark[] {
  return passages.flatMap((p, passage) =>
    p.occurrences.map((o, occurrence) => ({ kind: 'repeat', start: o.start, end: o.end, passage, occurrence })),
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return '';
  return d.toISOString().slice(0, 10);
}

// versionDate shows a version's date, or says it is undated and, when
// analysis estimated one from the days its text gives without a year,
// gives the estimate: it never stands in for a stated date.
export function versionDate(v: { published: string | null; estimated?: DateEstimate }): string {
  const d = formatDate(v.published);
  if (d) return d;
  if (v.estimated) return `undated, estimated ${v.estimated.from} to ${v.estimated.to}`;
  return 'undated';
}

// estimateNote says where a version's estimated date came from.
export function estimateNote(v: { estimated?: DateEstimate }): string {
  if (!v.estimated) return '';
  return `Estimated from the days its text gives without a year, read in the year of article ${v.estimated.anchor}`;
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

// changeLabel says where the reader is among a comparison's changes: how
// many there are until one is chosen ("3 changes"), then which one ("Change
// 2 of 3"); "No changes" when the versions do not differ.
export function changeLabel(current: number, total: number): string {
  if (total <= 0) return 'No changes';
  if (current < 0 || current >= total) return total === 1 ? '1 change' : `${total.toLocaleString('en')} changes`;
  return `Change ${current + 1} of ${total.toLocaleString('en')}`;
}
