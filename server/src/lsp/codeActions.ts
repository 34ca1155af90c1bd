import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, isInsertOnly } from '../core/fix';
import type { Finding, Fix, TextEdit } from '../core/types';
import { toOffset, toTextEdits } from './convert';
import { disableEdit } from './disableComment';
import type { LintedDocument } from './lintCache';
import { FIX_ALL_KIND } from './protocol';

export interface CodeActionOptions {
  /** The client applies versioned `documentChanges`, so an edit for an older version is refused. */
  documentChanges: boolean;
}

function workspaceEdit(document: TextDocument, edits: readonly TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  const textEdits = toTextEdits(document, edits);
  return options.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, textEdits)] }
    : { changes: { [document.uri]: textEdits } };
}

/** The edits of the fixes that can be applied together, in the order applyFixes applies them. */
function combinedEdits(text: string, fixes: readonly Fix[]): TextEdit[] {
  const { applied } = applyFixes(text, fixes);
  return applied
    .flatMap((fix, order) => fix.edits.map((edit) => ({ edit, order })))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(({ edit }) => edit);
}

/** Fix kinds the request asks for: all of them when it names none. */
function wants(params: CodeActionParams, kind: string): boolean {
  const only = params.context.only;
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

/**
 * Quick fixes for the findings in the range (each fix, "fix all of this rule", "disable for this line")
 * and, when asked for, the fix-all that only inserts text and so is safe to run on save.
 */
export function codeActions(document: TextDocument, linted: LintedDocument, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const { findings, model } = linted.result;
  const text = document.getText();
  const actions: CodeAction[] = [];

  if (wants(params, CodeActionKind.QuickFix)) {
    const from = toOffset(document, params.range.start);
    const to = toOffset(document, params.range.end);
    // Ranges in the linted version's text, which is this document's text at that version.
    const { shownBy } = linted.diagnostics;
    const overlaps = (start: number, end: number) => start <= to && end >= from;
    // A finding shown as part of a larger problem is in range wherever that problem's diagnostic is.
    // A diagnostic's range ends at most a line break (two characters) before its findings' offsets.
    const inRange = linted.findingsNear(from, to, 2).filter((f) => {
      const shown = shownBy.get(f)!;
      return overlaps(f.start, f.end) || overlaps(toOffset(document, shown.range.start), toOffset(document, shown.range.end));
    });
    const diagnosticOf = (finding: Finding) => {
      const own = shownBy.get(finding)!;
      return params.context.diagnostics.find((d) => sameDiagnostic(d, own)) ?? own;
    };
    for (const finding of inRange) {
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnosticOf(finding)],
          isPreferred: finding.fixes.length === 1,
          edit: workspaceEdit(document, fix.edits, options),
        });
      }
    }
    for (const ruleId of new Set(inRange.filter((f) => f.fixes.length > 0).map((f) => f.ruleId))) {
      const ofRule = findings.filter((f) => f.ruleId === ruleId && f.fixes.length > 0);
      if (ofRule.length < 2) continue;
      actions.push({
        title: `Fix all ${ruleId} problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [...new Set(ofRule.map(diagnosticOf))],
        edit: workspaceEdit(document, combinedEdits(text, ofRule.map((f) => f.fixes[0])), options),
      });
    }
    const disabled = new Set<string>();
    for (const finding of inRange) {
      const key = `${finding.ruleId}:${finding.line}`;
      if (disabled.has(key)) continue;
      disabled.add(key);
      const edit = disableEdit(model, finding.line, finding.ruleId);
      if (!edit) continue;
      const shifted = { ...edit, start: edit.start + linted.bomLength, end: edit.end + linted.bomLength };
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnosticOf(finding)],
        edit: workspaceEdit(document, [shifted], options),
      });
    }
  }

  // Only on request (fix-all command, codeActionsOnSave): never offered in the light bulb.
  if (params.context.only && wants(params, FIX_ALL_KIND)) {
    const safe = findings.flatMap((f) => f.fixes.filter(isInsertOnly).slice(0, 1));
    const edits = combinedEdits(text, safe);
    if (edits.length > 0) {
      actions.push({ title: 'Fix all audit-lint problems that only need text inserted', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, options) });
    }
  }
  return actions;
}
