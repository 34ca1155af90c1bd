import type { Fix, TextEdit } from './types';

export interface FixOutcome {
  text: string;
  applied: Fix[];
  /** Fixes left out because they overlap one applied earlier. */
  skipped: Fix[];
}

/** A fix that only adds text never removes or rewrites the author's words. */
export function isInsertOnly(fix: Fix): boolean {
  return fix.edits.every((edit) => edit.start === edit.end);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/**
 * Apply fixes in one pass. A fix whose edits overlap an earlier accepted fix is skipped whole;
 * insertions at the same offset keep the order of their fixes.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixOutcome {
  const accepted: { edit: TextEdit; order: number }[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  fixes.forEach((fix, order) => {
    const valid = fix.edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
    const clash = fix.edits.some((e) => accepted.some((a) => overlaps(a.edit, e))) || fix.edits.some((e, i) => fix.edits.some((f, j) => i < j && overlaps(e, f)));
    if (!valid || clash) {
      skipped.push(fix);
      return;
    }
    for (const edit of fix.edits) accepted.push({ edit, order });
    applied.push(fix);
  });
  accepted.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let result = '';
  let cursor = 0;
  for (const { edit } of accepted) {
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = Math.max(cursor, edit.end);
  }
  result += text.slice(cursor);
  return { text: result, applied, skipped };
}
