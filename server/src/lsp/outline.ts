import { SymbolKind, type CodeLens, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ACTION_PARTS } from '../core/actions';
import { sectionInfo } from '../core/model/sections';
import type { ActionItem } from '../core/types';
import type { ActionStatus } from '../core/summary';
import { toRange } from './convert';
import type { LintedDocument } from './lintCache';
import type { ReportSummary } from './protocol';

const PART_NAMES = { owner: 'Owner', measure: 'Measure', deadline: 'Deadline', outcome: 'Outcome' } as const;
const NAME_LENGTH = 60;

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > NAME_LENGTH ? `${clean.slice(0, NAME_LENGTH - 1)}…` : clean || '(empty)';
}

/**
 * The SMART parts of each action item, matched by the line it starts on: the summary lists the
 * actions the SMART rules read, which need not be every item nor in the same order.
 */
function scoredActions(linted: LintedDocument): Map<ActionItem, ActionStatus> {
  const { model } = linted.result;
  const byLine = new Map(linted.summary.actions.map((status) => [status.line, status]));
  const scored = new Map<ActionItem, ActionStatus>();
  for (const action of model.actions) {
    const status = byLine.get(model.lines.position(action.start).line);
    if (status) scored.set(action, status);
  }
  return scored;
}

/** Sections nested by heading depth, each with its actions as children. */
export function documentSymbols(document: TextDocument, linted: LintedDocument): DocumentSymbol[] {
  const { model } = linted.result;
  const shift = linted.bomLength;
  const range = (start: number, end: number) => toRange(document, start + shift, end + shift);
  const symbols = model.sections.map((section): DocumentSymbol => ({
    name: section.title || '(untitled section)',
    detail: section.ids.map((id) => sectionInfo[id].heading).join(', '),
    kind: SymbolKind.String,
    range: range(section.start, section.subtreeEnd),
    selectionRange: range(section.start, section.headingEnd),
    children: [],
  }));
  const scored = scoredActions(linted);
  model.actions.forEach((action) => {
    const parts = scored.get(action);
    if (!parts) return;
    symbols[action.section]?.children?.push({
      name: shorten(action.cells.action?.text ?? action.text),
      detail: `SMART ${parts.score}/4`,
      kind: SymbolKind.Event,
      range: range(action.start, action.end),
      selectionRange: range(action.start, action.end),
    });
  });
  const roots: DocumentSymbol[] = [];
  model.sections.forEach((section, index) => {
    const parent = section.parent === undefined ? undefined : symbols[section.parent];
    (parent?.children ?? roots).push(symbols[index]);
  });
  return roots;
}

/** "Owner ✓ · Measure ✗ · Deadline ✓ · Outcome ✗" above each action. */
export function actionLenses(document: TextDocument, linted: LintedDocument): CodeLens[] {
  const scored = scoredActions(linted);
  return linted.result.model.actions.flatMap((action) => {
    const parts = scored.get(action);
    if (!parts) return [];
    const title = ACTION_PARTS.map((part) => `${PART_NAMES[part]} ${parts[part] ? '✓' : '✗'}`).join(' · ');
    const start = toRange(document, action.start + linted.bomLength, action.start + linted.bomLength).start;
    // An empty command shows the lens as a label.
    return { range: { start, end: start }, command: { title, command: '' } };
  });
}

/** The scorecard in LSP terms: 0-based lines. */
export function reportSummary(linted: LintedDocument): ReportSummary {
  const { profile, sections, actions, counts } = linted.summary;
  return {
    profile,
    sections: sections.map(({ line, ...section }) => (line === undefined ? section : { ...section, line: line - 1 })),
    actions: actions.map(({ line, ...action }) => ({ ...action, line: line - 1 })),
    counts,
  };
}
