// Words for what the event analysis reports.

const kinds: Record<string, string> = {
  name: 'Name',
  number: 'Number',
  date: 'Date',
  quote: 'Quoted words',
  place: 'Place',
  term: 'Rare term',
  title: 'Title',
  lede: 'Lede',
  passage: 'Shared passage',
  time: 'Time apart',
  language: 'Language',
  event: 'What happened',
};

export function evidenceKind(kind: string): string {
  return kinds[kind] ?? (kind ? kind[0].toUpperCase() + kind.slice(1) : 'Other');
}

// formatWeight shows a piece's weight with its sign: + for one event, − against.
export function formatWeight(w: number): string {
  if (!Number.isFinite(w)) return '';
  const s = Math.abs(w).toFixed(1);
  return (w < 0 ? '\u2212' : '+') + s;
}

// percent shows a probability as a whole percentage, never 0 % or 100 %
// for what is only nearly certain.
export function percent(p: number): string {
  if (!Number.isFinite(p)) return '';
  const x = Math.max(0, Math.min(1, p)) * 100;
  if (x > 0 && x < 1) return '<1 %';
  if (x < 100 && x > 99) return '>99 %';
  return Math.round(x) + ' %';
}
