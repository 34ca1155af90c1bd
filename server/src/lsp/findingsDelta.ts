import type { Finding, Fix } from '../core/types';
import { commonEnds } from './stringDelta';

/**
 * How findings after an edit move: offsets past the edited stretch by the change in length, and
 * line and column as the text before them moved. Findings before the edit stay as they are.
 */
export interface FindingShift {
  /** Offsets up to this one (the edit's start) do not move. */
  head: number;
  /** Offsets past this one (the edit's end in the earlier text) move. */
  after: number;
  /** Change of length. */
  offsets: number;
  /** Change of line number (1-based lines, as findings count them) of the text past the edit. */
  lines: number;
  /** The line of `after` in the earlier text: columns on it move by `columns`. */
  line: number;
  columns: number;
}

/**
 * The findings of a lint as a difference from the lint before it: most findings only moved with
 * the edit, so they are named by their place in the earlier list instead of being sent again.
 */
export interface FindingsDelta {
  shift: FindingShift;
  /** Per finding of the new lint: the index of the earlier finding that, moved, equals it; -1 for one in `added`. */
  kept: Int32Array;
  /** The findings not kept, in order. */
  added: Finding[];
}

/** The line (0-based) holding an offset, from line starts. */
function lineAt(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How the text past an edit moved from one version to the next: the versions are compared by their common start and end. */
export function shiftBetween(earlier: string, earlierStarts: ArrayLike<number>, text: string, starts: ArrayLike<number>): FindingShift {
  const { head, tail } = commonEnds(earlier, text);
  const after = earlier.length - tail;
  const earlierLine = lineAt(earlierStarts, after);
  const line = lineAt(starts, text.length - tail);
  return {
    head,
    after,
    offsets: text.length - earlier.length,
    lines: line - earlierLine,
    line: earlierLine + 1,
    columns: text.length - tail - starts[line] - (after - earlierStarts[earlierLine]),
  };
}

/** Where a finding's place is: where the edit leaves it. */
function moves(offset: number, shift: FindingShift): boolean {
  return offset > shift.after && offset > shift.head;
}

/** An offset of the earlier text as it is after the edit. */
const movedOffset = (offset: number, shift: FindingShift): number => (moves(offset, shift) ? offset + shift.offsets : offset);

/** The line of a place at `offset` as it is after the edit. */
const movedLine = (offset: number, line: number, shift: FindingShift): number => (moves(offset, shift) ? line + shift.lines : line);

/** The column of a place at `offset` on `line` as it is after the edit: only the edit's own last line moves sideways. */
const movedColumn = (offset: number, line: number, column: number, shift: FindingShift): number =>
  moves(offset, shift) && line === shift.line ? column + shift.columns : column;

function moveFix(fix: Fix, shift: FindingShift): Fix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, start: movedOffset(edit.start, shift), end: movedOffset(edit.end, shift) })) };
}

/** Offsets in a group key ("action@1200:1210") that move with the text. */
const KEY_OFFSET = /(?<=[@:])\d+/g;

function moveKey(key: string, shift: FindingShift): string {
  return key.includes('@') ? key.replace(KEY_OFFSET, (offset) => String(movedOffset(Number(offset), shift))) : key;
}

/** The finding as it is after the edit; the same object when nothing in it moves. */
export function moveFinding(finding: Finding, shift: FindingShift): Finding {
  const fixesMove = finding.fixes.some((fix) => fix.edits.some((edit) => moves(edit.start, shift) || moves(edit.end, shift)));
  const key = finding.group && moveKey(finding.group.key, shift);
  if (!moves(finding.start, shift) && !moves(finding.end, shift) && !fixesMove && key === finding.group?.key) return finding;
  const moved = {
    ...finding,
    start: movedOffset(finding.start, shift),
    end: movedOffset(finding.end, shift),
    line: movedLine(finding.start, finding.line, shift),
    column: movedColumn(finding.start, finding.line, finding.column, shift),
    endLine: movedLine(finding.end, finding.endLine, shift),
    endColumn: movedColumn(finding.end, finding.endLine, finding.endColumn, shift),
  };
  if (finding.group && key !== finding.group.key) moved.group = { ...finding.group, key: key! };
  if (fixesMove) moved.fixes = finding.fixes.map((fix) => moveFix(fix, shift));
  return moved;
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** Equal values, compared field by field; read without listing an object's keys, as it is asked of every finding. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  let fields = 0;
  for (const key in a) {
    if (!hasOwn(a, key)) continue;
    fields++;
    if (!hasOwn(b, key) || !same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  for (const key in b) if (hasOwn(b, key)) fields--;
  return fields === 0;
}

/** An earlier fix, moved, equals a new one: compared field by field without making the moved copy. */
function sameFixMoved(earlier: Fix, shift: FindingShift, fix: Fix): boolean {
  if (earlier.title !== fix.title || earlier.edits.length !== fix.edits.length) return false;
  for (let i = 0; i < fix.edits.length; i++) {
    const was = earlier.edits[i];
    const now = fix.edits[i];
    if (was.text !== now.text || movedOffset(was.start, shift) !== now.start || movedOffset(was.end, shift) !== now.end) return false;
  }
  return true;
}

/**
 * An earlier finding, moved, equals a new one: as same(moveFinding(earlier, shift), finding), for
 * findings of the engine's shape, without making the moved copy. A grouped finding, whose key may
 * move, is compared through the copy.
 */
function sameMoved(earlier: Finding, shift: FindingShift, finding: Finding): boolean {
  if (earlier.group !== undefined || finding.group !== undefined) return same(moveFinding(earlier, shift), finding);
  if (earlier.ruleId !== finding.ruleId || earlier.severity !== finding.severity || earlier.message !== finding.message || earlier.docsUrl !== finding.docsUrl) return false;
  if (movedOffset(earlier.start, shift) !== finding.start || movedOffset(earlier.end, shift) !== finding.end) return false;
  if (movedLine(earlier.start, earlier.line, shift) !== finding.line || movedColumn(earlier.start, earlier.line, earlier.column, shift) !== finding.column) return false;
  if (movedLine(earlier.end, earlier.endLine, shift) !== finding.endLine || movedColumn(earlier.end, earlier.endLine, earlier.endColumn, shift) !== finding.endColumn) return false;
  if (earlier.fixes.length !== finding.fixes.length) return false;
  for (let i = 0; i < finding.fixes.length; i++) if (!sameFixMoved(earlier.fixes[i], shift, finding.fixes[i])) return false;
  return same(earlier.data, finding.data);
}

/**
 * The difference between two lints of one document. Each new finding is checked field by field
 * against the earlier one moved, so applying the delta gives exactly the new findings.
 */
export function findingsDelta(earlier: readonly Finding[], findings: readonly Finding[], shift: FindingShift): FindingsDelta {
  // Earlier findings by where they start once moved: a number, so no key is made for each.
  const candidates = new Map<number, number[]>();
  earlier.forEach((finding, index) => {
    const start = movedOffset(finding.start, shift);
    const list = candidates.get(start);
    if (list) list.push(index);
    else candidates.set(start, [index]);
  });
  const used = new Uint8Array(earlier.length);
  const kept = new Int32Array(findings.length).fill(-1);
  const added: Finding[] = [];
  findings.forEach((finding, position) => {
    const match = candidates.get(finding.start)?.find((index) => !used[index] && sameMoved(earlier[index], shift, finding));
    if (match === undefined) {
      added.push(finding);
      return;
    }
    used[match] = 1;
    kept[position] = match;
  });
  return { shift, kept, added };
}

/** The new findings from the earlier ones and a delta. */
export function applyFindingsDelta(earlier: readonly Finding[], delta: FindingsDelta): Finding[] {
  let next = 0;
  return Array.from(delta.kept, (index) => (index < 0 ? delta.added[next++] : moveFinding(earlier[index], delta.shift)));
}
