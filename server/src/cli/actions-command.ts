import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTION_PARTS, summariseActions, type ActionSummary } from '../core/actions';
import { decodeDocument } from '../core/decode';
import { lint } from '../core/engine';
import type { ActionPart, LintSettings } from '../core/types';
import { displayPath, expandPaths, UsageError, writeReport } from './files';
import type { Io } from './main';

export const ACTION_FORMATS = ['csv', 'json', 'markdown'] as const;
type ActionFormat = (typeof ACTION_FORMATS)[number];

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
function csvField(value: string): string {
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

function render(format: ActionFormat, rows: ActionRow[]): string {
  if (format === 'csv') return toCsv(rows);
  if (format === 'markdown') return toMarkdown(rows);
  return `${JSON.stringify({ version: 1, actions: rows }, null, 2)}\n`;
}

/** `audit-lint actions [paths]`: the action tracker, one row per action across the reports. */
export async function runActions(
  options: { format?: string; output?: string },
  paths: string[],
  io: Io,
  settingsFor: (file: string) => LintSettings,
): Promise<number> {
  const format = (options.format ?? 'csv') as ActionFormat;
  if (!ACTION_FORMATS.includes(format)) throw new UsageError(`audit-lint actions: --format must be one of ${ACTION_FORMATS.join(', ')}; got "${options.format}"`);
  if (paths.length === 0) throw new UsageError('audit-lint actions: no files given. Try "audit-lint actions reports/".');
  const rows: ActionRow[] = [];
  let failed = false;
  for (const file of await expandPaths(paths, io.cwd)) {
    const shown = displayPath(file, io.cwd);
    let decoded;
    try {
      decoded = decodeDocument(fs.readFileSync(file));
    } catch (error) {
      decoded = { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    if ('error' in decoded) {
      io.stderr.write(`audit-lint: ${shown}: ${decoded.error}\n`);
      failed = true;
      continue;
    }
    const settings = settingsFor(file);
    // No rule needs to run: the tracker reads the document model.
    const { model } = lint(decoded.text, settings, { only: [] });
    rows.push(...summariseActions(model, settings).map((summary) => toRow(shown, summary)));
  }
  // Nothing half-written: a file that could not be read fails the whole run.
  if (failed) return 2;
  const report = render(format, rows);
  if (options.output === undefined) {
    io.stdout.write(report);
    return 0;
  }
  const problem = writeReport(path.resolve(io.cwd, options.output), report);
  if (problem) {
    io.stderr.write(`audit-lint: ${options.output}: ${problem}\n`);
    return 2;
  }
  return 0;
}
