import { csvField } from '../../core/action-tracker';
import type { ProgrammeAction, ProgrammeSummary } from '../../core/programme';

/** The columns, named as the JSON names them, so a spreadsheet and a script read the same fields. */
const COLUMNS = ['file', 'line', 'text', 'owner', 'measure', 'dueText', 'due', 'status', 'progress', 'reaudit', 'dueProblem', 'missing'] as const;

function cell(action: ProgrammeAction, column: (typeof COLUMNS)[number]): string {
  const value = action[column];
  if (Array.isArray(value)) return value.join(' ');
  return value === null ? '' : String(value);
}

/** Every action of the programme as CSV (RFC 4180, CRLF line ends), one row per action. */
export function programmeCsv(summary: ProgrammeSummary): string {
  const lines = [COLUMNS.join(','), ...summary.actions.map((action) => COLUMNS.map((column) => csvField(cell(action, column))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
