import { ACTION_PARTS, summariseActions, type ActionSummary } from './actions';
import type { ActionPart, DocumentModel, LintSettings } from './types';

export const ACTION_FORMATS = ['csv', 'json', 'markdown'] as const;
export type ActionFormat = (typeof ACTION_FORMATS)[number];

/** One row of the action tracker. A part is the words that satisfy it, or null when it is missing. */
export interface ActionRow {
  file: string;
  line: number;
  action: string;
  owner: string | null;
  measure: string | null;
  deadline: string | null;
  outcome: string | null;
  /** Parts present out of owner, measure, deadline and outcome. */
  score: number;
  missing: ActionPart[];
  /** A learning point written as an action, not an item of the action plan. */
  learning: boolean;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function toRow(file: string, summary: ActionSummary): ActionRow {
  const part = (name: ActionPart) => (summary[name].present ? oneLine(summary[name].evidence?.text ?? '') || 'yes' : null);
  return {
    file,
    line: summary.line,
    action: oneLine(summary.text),
    owner: part('owner'),
    measure: part('measure'),
    deadline: part('deadline'),
    outcome: part('outcome'),
    score: summary.score,
    missing: summary.missing,
    learning: summary.soft,
  };
}

const COLUMNS = ['file', 'line', 'action', ...ACTION_PARTS, 'score', 'missing', 'learning'] as const;

/** RFC 4180: a field with a comma, quotation mark or line break is quoted, quotation marks doubled; lines end CRLF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cell(row: ActionRow, column: (typeof COLUMNS)[number]): string {
  const value = row[column];
  if (Array.isArray(value)) return value.join(' ');
  return value === null ? '' : String(value);
}

function toCsv(rows: ActionRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvField(cell(row, column))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

const markdownCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');

function toMarkdown(rows: ActionRow[]): string {
  const header = '| File | Line | Action | Owner | Measure | Deadline | Outcome | SMART |\n|---|---:|---|---|---|---|---|---:|\n';
  const body = rows.map((row) => {
    const parts = ACTION_PARTS.map((part) => markdownCell(row[part] ?? '—'));
    const action = markdownCell(row.action) + (row.learning ? ' (learning point)' : '');
    return `| ${markdownCell(row.file)} | ${row.line} | ${action} | ${parts.join(' | ')} | ${row.score}/4 |\n`;
  });
  return header + body.join('');
}

/** The action tracker as CSV (RFC 4180), JSON or a Markdown table. */
export function renderActionTracker(format: ActionFormat, rows: ActionRow[]): string {
  if (format === 'csv') return toCsv(rows);
  if (format === 'markdown') return toMarkdown(rows);
  return `${JSON.stringify({ version: 1, actions: rows }, null, 2)}\n`;
}

/** One row per action of a linted report, for an action tracker. */
export function actionRows(file: string, model: DocumentModel, settings: LintSettings): ActionRow[] {
  return summariseActions(model, settings).map((summary) => toRow(file, summary));
}
