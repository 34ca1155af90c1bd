import { ruleIds } from './rules';
import type { Finding, Severity } from './types';

/** What presenting needs of a finding: the CLI keeps only this much once a file is linted. */
export type Presentable = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'group'>;

/** One problem as a reader sees it: one finding, or several that say one thing about one place. */
export interface Presented<F extends Presentable = Finding> {
  /** The findings behind this problem, in the order of the rule list; the first names the problem. */
  members: F[];
  ruleIds: string[];
  severity: Severity;
  message: string;
  /** 1-based, from the first member's start to the last member's end. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const ruleOrder = new Map([...ruleIds].map((id, index) => [id, index]));

const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
  a.line < b.line || (a.line === b.line && a.column < b.column);

/** "Action is missing: owner, measure, deadline ("All agencies" is not an owner)." */
function combinedMessage<F extends Presentable>(members: F[]): string {
  const groups = members.map((m) => m.group!);
  const items = [...new Set(groups.map((g) => g.item))];
  const notes = [...new Set(groups.flatMap((g) => (g.note ? [g.note] : [])))];
  // Items that carry their own commas ("when the audit took place, and …") are kept apart by semicolons.
  const list = items.join(items.some((item) => item.includes(',')) ? '; ' : ', ');
  const remarks = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return `${groups[0].headline}: ${list}${remarks}.`;
}

/**
 * Findings as problems for people to read: those that share a group key become one problem with
 * every rule id, the highest severity and one message listing what each adds; the rest pass through
 * unchanged. Machine-readable output (JSON, SARIF, JUnit, GitHub) keeps one entry per finding.
 */
export function present<F extends Presentable>(findings: readonly F[]): Presented<F>[] {
  const byKey = new Map<string, F[]>();
  const order: (F | F[])[] = [];
  for (const finding of findings) {
    const key = finding.group?.key;
    if (key === undefined) {
      order.push(finding);
      continue;
    }
    let members = byKey.get(key);
    if (!members) {
      byKey.set(key, (members = []));
      order.push(members);
    }
    members.push(finding);
  }
  const presented = order.map((entry): Presented<F> => {
    // Most findings stand alone: shown as they are, with nothing to combine.
    if (!Array.isArray(entry)) {
      const { ruleId, severity, message, line, column, endLine, endColumn } = entry;
      return { members: [entry], ruleIds: [ruleId], severity, message, line, column, endLine, endColumn };
    }
    const members = [...entry].sort((a, b) => (ruleOrder.get(a.ruleId) ?? 0) - (ruleOrder.get(b.ruleId) ?? 0));
    const first = members.reduce((a, b) => (before(b, a) ? b : a));
    const last = members.reduce((a, b) => (before({ line: a.endLine, column: a.endColumn }, { line: b.endLine, column: b.endColumn }) ? b : a));
    return {
      members,
      ruleIds: [...new Set(members.map((m) => m.ruleId))],
      severity: members.reduce<Severity>((worst, m) => (RANK[m.severity] < RANK[worst] ? m.severity : worst), 'info'),
      message: members.length > 1 ? combinedMessage(members) : members[0].message,
      line: first.line,
      column: first.column,
      endLine: last.endLine,
      endColumn: last.endColumn,
    };
  });
  // A group stands where its earliest member starts. Findings come in order, so most lists are in order already.
  const inOrder = presented.every((p, index) => index === 0 || presented[index - 1].line < p.line || (presented[index - 1].line === p.line && presented[index - 1].column <= p.column));
  if (inOrder) return presented;
  return presented.map((p, index) => ({ p, index }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.index - b.index)
    .map(({ p }) => p);
}

/** Problems by severity, as the Problems panel, the status bar and the terminal count them. */
export function countBySeverity(problems: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const problem of problems) counts[problem.severity]++;
  return counts;
}
