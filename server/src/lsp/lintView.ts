import type { Root } from 'mdast';
import type { LintResult, RuleFailure } from '../core/engine';
import { documentDefinitions, type DocumentDefinition } from '../core/rules/acronym-undefined';
import { summariseStructure, type ReportSummaryData } from '../core/summary';
import { LineIndex } from '../core/text';
import type { DocumentModel, Finding, LintSettings, Section } from '../core/types';
import { packOutline, unpackOutline, type PackedOutline } from './outlineTree';

/** A section as the editor features read it: its place and meaning, not its syntax tree. */
export type FeatureSection = Omit<Section, 'heading' | 'nodes'>;

/**
 * The part of a document model the editor features read (hover, code actions, completion, outline).
 * It is small enough to pass from the lint thread to the thread that answers the editor: no
 * sentences or blocks, and a tree cut down to what placing a disable comment needs.
 */
export interface FeatureModel extends Pick<DocumentModel, 'text' | 'prose' | 'lines' | 'frontMatter' | 'title' | 'profile' | 'actions' | 'comments'> {
  tree: Root;
  sections: FeatureSection[];
}

/** What a lint gives the editor features, as it crosses threads: the text and line index are added on arrival. */
export interface LintView {
  profile: string;
  findings: Finding[];
  failures: RuleFailure[];
  complete: boolean;
  model: Omit<FeatureModel, 'text' | 'lines' | 'tree'> & { outline: PackedOutline };
  /** The scorecard but its counts, which the thread that groups the findings into problems adds. */
  summary: Omit<ReportSummaryData, 'counts'>;
  acronymDefinitions: DocumentDefinition[];
  /** Where each line of the linted text starts (a byte-order mark counts), as TextDocument counts lines. */
  lineStarts: Uint32Array;
  /** How long the lint took on the lint thread, with this view: what sizes the wait after the next keystroke. */
  lintMs: number;
  /**
   * When the findings came as a difference from the lint of an earlier version: that version, and
   * the offset before which the texts are the same. Findings kept from it, as the same objects,
   * that end before that offset are shown exactly as they were.
   */
  unchangedSince?: { version: number; before: number };
}

/** Line starts of the linted text from the model's (which has no byte-order mark). */
function lineStartsOf(lines: LineIndex, bomLength: number): Uint32Array {
  const starts = new Uint32Array(lines.lineCount);
  for (let line = 2; line <= lines.lineCount; line++) starts[line - 1] = lines.lineStart(line) + bomLength;
  return starts;
}

/** The view of a finished lint, with the scorecard and acronym definitions worked out where the model is. */
export function viewOf(result: LintResult, settings: LintSettings, bomLength: number): Omit<LintView, 'lintMs'> {
  const { model } = result;
  return {
    profile: result.profile,
    findings: result.findings,
    failures: result.failures,
    complete: result.complete,
    model: {
      prose: model.prose,
      outline: packOutline(model.tree),
      frontMatter: model.frontMatter,
      title: model.title,
      profile: model.profile,
      actions: model.actions,
      comments: model.comments,
      sections: model.sections.map(({ heading, nodes, ...section }) => section),
    },
    summary: summariseStructure(result, settings),
    acronymDefinitions: documentDefinitions(model),
    lineStarts: lineStartsOf(model.lines, bomLength),
  };
}

/** The feature model of a view, for the text it was linted from (without a byte-order mark). */
export function featureModel(view: LintView, text: string, bomLength: number): FeatureModel {
  const { outline, ...model } = view.model;
  let lines: LineIndex | undefined;
  let tree: Root | undefined;
  return {
    ...model,
    text,
    // Built on first use: most lints are never hovered, and few get a code action.
    get lines() {
      return (lines ??= new LineIndex(text, Array.from(view.lineStarts, (start, line) => (line === 0 ? 0 : start - bomLength))));
    },
    get tree() {
      return (tree ??= unpackOutline(outline));
    },
  };
}
