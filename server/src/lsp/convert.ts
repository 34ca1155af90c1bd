/**
 * The one place where core offsets become LSP positions and back. TextDocument counts UTF-16 code
 * units, as core offsets do, and treats CRLF as one line break.
 */
import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { present, type Presented } from '../core/present';
import type { Finding, Severity, TextEdit as CoreEdit } from '../core/types';

export const SOURCE = 'audit-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    message: finding.message,
  };
}

/** Data of a diagnostic that stands for several findings: every rule id, the first being its code. */
export interface GroupedDiagnosticData {
  ruleIds: string[];
}

/** One diagnostic per problem: findings that say one thing about one place are shown once. */
export function toDiagnosticOf(document: TextDocument, problem: Presented): Diagnostic {
  const [first] = problem.members;
  if (problem.members.length === 1) return toDiagnostic(document, first);
  const start = Math.min(...problem.members.map((m) => m.start));
  const end = Math.max(...problem.members.map((m) => m.end));
  const data: GroupedDiagnosticData = { ruleIds: problem.ruleIds };
  return {
    range: toRange(document, start, end),
    severity: SEVERITY[problem.severity],
    source: SOURCE,
    code: first.ruleId,
    codeDescription: { href: first.docsUrl },
    message: problem.message,
    data,
  };
}

/** Diagnostics, and which diagnostic shows each finding (for code actions). */
export interface Shown {
  diagnostics: Diagnostic[];
  shownBy: Map<Finding, Diagnostic>;
}

/**
 * The diagnostics of a lint, and which diagnostic shows each finding, added to `into` when given (a
 * long lint's are worked out a part at a time). `earlier` gives the diagnostic an earlier lint made
 * for a problem that is shown exactly as it was.
 */
export function toDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  problems: readonly Presented[] = present(findings),
  earlier?: (problem: Presented) => Diagnostic | undefined,
  into: Shown = { diagnostics: [], shownBy: new Map() },
): Shown {
  for (const problem of problems) {
    const diagnostic = earlier?.(problem) ?? toDiagnosticOf(document, problem);
    into.diagnostics.push(diagnostic);
    for (const member of problem.members) into.shownBy.set(member, diagnostic);
  }
  return into;
}

export function toTextEdits(document: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.text }));
}

/** The range of a whole 0-based line, for messages that only know a line. */
export function lineRange(document: TextDocument, line: number): Range {
  const start = document.offsetAt({ line, character: 0 });
  const next = document.offsetAt({ line: line + 1, character: 0 });
  const text = document.getText().slice(start, next).replace(/\r?\n$|\r$/, '');
  return toRange(document, start, start + text.length);
}
