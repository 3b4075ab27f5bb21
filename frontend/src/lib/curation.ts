import type { Article, Edit, EditField } from './api/types';
import { formatDate, formatDateTime } from './text';

// editOf returns the article's edit of field, undefined when the field is as
// imported.
export function editOf(a: Pick<Article, 'edits'> | null | undefined, field: EditField): Edit | undefined {
  return a?.edits?.find((e) => e.field === field);
}

// importedValue shows the value a field was imported with: a date as
// YYYY-MM-DD with where it came from, 'none' when there was none.
export function importedValue(e: Edit): string {
  if (e.field === 'date') {
    let day = formatDate(e.imported);
    if (!day) return 'undated';
    // A time of day is shown, so that a date moved by hours reads right.
    if (!e.imported.includes('T00:00:00')) day = formatDateTime(e.imported);
    return e.importedFrom ? `${day}, from ${e.importedFrom}` : day;
  }
  return e.imported === '' ? 'none' : e.imported;
}

// editedNote is "(edited; imported: VALUE)" for an edited field, '' else.
export function editedNote(a: Pick<Article, 'edits'> | null | undefined, field: EditField): string {
  const e = editOf(a, field);
  return e ? `(edited; imported: ${importedValue(e)})` : '';
}

// cleanTag trims a typed tag and folds runs of white space, as the service
// does; '' for nothing to add.
export function cleanTag(s: string): string {
  return s.trim().split(/\s+/).filter(Boolean).join(' ');
}
