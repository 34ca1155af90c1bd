import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleFailure } from '../core/engine';
import { present, type Presented } from '../core/present';
import type { DocumentDefinition } from '../core/rules/acronym-undefined';
import { countProblems, type ReportSummaryData } from '../core/summary';
import type { Finding, LintSettings } from '../core/types';
import { toDiagnostics, type Shown } from './convert';
import { SpanIndex } from './spanIndex';
import { featureModel, type FeatureModel, type LintView } from './lintView';

/** Problems converted to diagnostics between two looks at the message queue. */
export const PROBLEMS_PER_PART = 2000;

/** A problem and the stretch of text it covers, from its first member's start to its last member's end. */
export interface ProblemSpan {
  problem: Presented;
  start: number;
  end: number;
}

/** One document version, linted once, with the text it was linted from. */
export class LintedDocument {
  readonly result: { profile: string; findings: Finding[]; failures: RuleFailure[]; complete: boolean; model: FeatureModel };
  /** Sections present or missing and each action's SMART parts (in the order of `model.actions`), from the lint thread. */
  private readonly structure: Omit<ReportSummaryData, 'counts'>;
  private summaryData: ReportSummaryData | undefined;
  readonly acronymDefinitions: DocumentDefinition[];
  /** Offsets in findings count a byte-order mark; the model's do not. */
  readonly bomLength: number;
  /** How long the lint took on the lint thread. */
  readonly lintMs: number;
  private problems: Presented[] | undefined;
  private shown: Shown | undefined;
  /** The earlier lint's diagnostics, until this lint's are worked out. */
  private reusable: { shownBy: Map<Finding, Diagnostic>; before: number } | undefined;
  private problemSpans: { spans: ProblemSpan[]; index: SpanIndex } | undefined;
  private problemOf = new Map<Finding, number>();
  private findingSpans: ProblemSpan[] | undefined;
  private findingIndex: SpanIndex | undefined;

  constructor(
    /** The document as it was when linted: positions in the results are positions in it. */
    readonly document: TextDocument,
    readonly settings: LintSettings,
    view: LintView,
    /** The lint of an earlier version, whose diagnostics of unchanged findings can be shown again. */
    earlier?: LintedDocument,
  ) {
    const text = document.getText();
    this.bomLength = text.startsWith('\uFEFF') ? 1 : 0;
    this.result = { profile: view.profile, findings: view.findings, failures: view.failures, complete: view.complete, model: featureModel(view, this.bomLength ? text.slice(1) : text, this.bomLength) };
    this.structure = view.summary;
    this.acronymDefinitions = view.acronymDefinitions;
    this.lintMs = view.lintMs;
    const since = view.unchangedSince;
    const shownBefore = earlier?.shown?.shownBy;
    if (since && shownBefore && earlier.version === since.version) this.reusable = { shownBy: shownBefore, before: since.before };
  }

  /** Sections present or missing, each action's SMART parts (in the order of `model.actions`), counts: counted from the problems this thread groups anyway. */
  get summary(): ReportSummaryData {
    return (this.summaryData ??= { ...this.structure, counts: countProblems(this.result.findings, this.presented) });
  }

  /** The findings as problems for people to read, worked out once: publishing, hover and code actions share them. */
  get presented(): Presented[] {
    return (this.problems ??= present(this.result.findings));
  }

  /** The problems whose span (from their first member's start to their last's end) holds an offset, in presented order. */
  problemsAt(offset: number): ProblemSpan[] {
    const { spans, index } = this.problemIndex;
    return index.holding(offset).map((at) => spans[at]);
  }

  /**
   * The findings, in order, whose problem's span comes within `slack` of the stretch from `from` to `to`:
   * a superset of those whose diagnostic overlaps it, for the few that a request looks at closely.
   */
  findingsNear(from: number, to: number, slack: number): Finding[] {
    const { spans } = this.problemIndex;
    this.findingSpans ??= this.result.findings.map((finding) => spans[this.problemOf.get(finding)!]);
    this.findingIndex ??= new SpanIndex(this.findingSpans);
    return this.findingIndex.overlapping(from - slack, to + slack).map((at) => this.result.findings[at]);
  }

  /**
   * Build what hover and code actions look findings up by, before they ask. A long report's prose was
   * joined from pieces of the last lint's: reading it once here, while the editor waits, makes it one
   * string, so the next edit's prose is cut from it without first copying it whole. (The text library
   * already reads each edited text as it joins it.)
   */
  prepareLookups(): void {
    this.findingsNear(0, 0, 0);
    const { prose } = this.result.model;
    prose.charCodeAt(prose.length >> 1);
  }

  private get problemIndex(): { spans: ProblemSpan[]; index: SpanIndex } {
    if (!this.problemSpans) {
      const problemOf = new Map<Finding, number>();
      const spans = this.presented.map((problem, at) => {
        let start = Infinity;
        let end = -Infinity;
        for (const member of problem.members) {
          start = Math.min(start, member.start);
          end = Math.max(end, member.end);
          problemOf.set(member, at);
        }
        return { problem, start, end };
      });
      this.problemOf = problemOf;
      this.problemSpans = { spans, index: new SpanIndex(spans) };
    }
    return this.problemSpans;
  }

  /** The diagnostics of this version, and which diagnostic shows each finding, worked out once. */
  get diagnostics(): Shown {
    return this.shown ?? this.keep(this.convert(this.presented));
  }

  /**
   * The diagnostics, worked out a part at a time with `between` awaited after each part, so that
   * requests that arrive meanwhile are answered first. The same as `diagnostics`.
   */
  async diagnosticsInParts(between: () => Promise<void>): Promise<Shown> {
    const problems = this.presented;
    const shown: Shown = { diagnostics: [], shownBy: new Map() };
    for (let from = 0; from < problems.length && !this.shown; from += PROBLEMS_PER_PART) {
      if (from > 0) await between();
      if (this.shown) break;
      this.convert(problems.slice(from, from + PROBLEMS_PER_PART), shown);
    }
    return this.shown ?? this.keep(shown);
  }

  /** The diagnostics are worked out: the earlier lint's are no longer needed. */
  private keep(shown: Shown): Shown {
    this.shown = shown;
    this.reusable = undefined;
    return shown;
  }

  private convert(problems: readonly Presented[], into?: Shown): Shown {
    const reusable = this.reusable;
    // A finding kept from the earlier lint that ends before the edit is at the same line and column.
    const earlier = reusable && ((problem: Presented) => {
      const [finding] = problem.members;
      const diagnostic = problem.members.length === 1 && finding.end < reusable.before ? reusable.shownBy.get(finding) : undefined;
      return diagnostic && diagnostic.data === undefined ? diagnostic : undefined;
    });
    return toDiagnostics(this.document, this.result.findings, problems, earlier, into);
  }

  get uri(): string {
    return this.document.uri;
  }

  get version(): number {
    return this.document.version;
  }
}

/** Linting this version threw (a parser's stack overflow on absurd nesting, say); kept so it is not retried. */
export class LintFailure extends Error {
  constructor(readonly version: number, readonly settings: LintSettings, readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'LintFailure';
  }
}

/** The lint of a version was dropped because a newer version arrived; that one has its own lint. */
export class LintSuperseded extends Error {
  constructor(readonly version: number) {
    super(`version ${version} was superseded before its lint finished`);
    this.name = 'LintSuperseded';
  }
}

/** Lint results per open document, one lint per version. */
export interface DocumentLinter {
  /**
   * The result for this exact version and settings, linting only when it is not cached or under way.
   * Rejects with LintFailure, or with LintSuperseded when a newer version arrived first.
   */
  lint(document: TextDocument, settings: LintSettings): Promise<LintedDocument>;
  /** A newer version of a document exists: a lint of an older one stops. */
  superseded(uri: string, version: number): void;
  /** The newest result for a document, whatever its version. */
  latest(uri: string): LintedDocument | undefined;
  forget(uri: string): void;
  clear(): void;
}

/** A frozen copy of a document's version, kept with its lint: the live document moves on. */
export function snapshot(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}
