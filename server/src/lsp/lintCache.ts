import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintResult } from '../core/engine';
import type { LintSettings } from '../core/types';
import { summariseReport, type ReportSummaryData } from '../core/summary';
import { documentDefinitions, type DocumentDefinition } from '../core/rules/acronym-undefined';

/** One document version, linted once; what the features derive from it is computed on first use. */
export class LintedDocument {
  private scorecard: ReportSummaryData | undefined;
  private definitions: DocumentDefinition[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly settings: LintSettings,
    readonly result: LintResult,
    /** Offsets in findings count a byte-order mark; the model's do not. */
    readonly bomLength: number,
  ) {}

  /** Sections present or missing, each action's SMART parts (in the order of `model.actions`), counts. */
  get summary(): ReportSummaryData {
    return (this.scorecard ??= summariseReport(this.result, this.settings));
  }

  get acronymDefinitions(): DocumentDefinition[] {
    return (this.definitions ??= documentDefinitions(this.result.model));
  }
}

/** Linting this version threw (a parser's stack overflow on absurd nesting, say); kept so it is not retried. */
export class LintFailure extends Error {
  constructor(readonly version: number, readonly settings: LintSettings, readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = 'LintFailure';
  }
}

/** Lint results per open document, one lint per version. */
export interface DocumentLinter {
  /** The result for this exact version and settings, linting only when it is not cached. Throws LintFailure. */
  lint(document: TextDocument, settings: LintSettings): LintedDocument;
  /** The newest result for a document, whatever its version. */
  latest(uri: string): LintedDocument | undefined;
  forget(uri: string): void;
  clear(): void;
}
