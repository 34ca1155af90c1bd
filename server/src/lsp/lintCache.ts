import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type LintResult } from '../core/engine';
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

/**
 * Lint results per document. Kept behind this interface so a cache that re-lints only the
 * changed sections can replace the whole-document one.
 */
export interface DocumentLinter {
  /** The result for this exact version and settings, linting only when it is not cached. Throws LintFailure. */
  lint(document: TextDocument, settings: LintSettings): LintedDocument;
  /** The newest result for a document, whatever its version. */
  latest(uri: string): LintedDocument | undefined;
  forget(uri: string): void;
  clear(): void;
}

/** Keeps the last linted version of each open document. */
export class WholeDocumentLinter implements DocumentLinter {
  private readonly byUri = new Map<string, LintedDocument>();
  private readonly failures = new Map<string, LintFailure>();

  lint(document: TextDocument, settings: LintSettings): LintedDocument {
    const cached = this.byUri.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const failed = this.failures.get(document.uri);
    if (failed && failed.version === document.version && failed.settings === settings) throw failed;
    const text = document.getText();
    let result: LintResult;
    try {
      result = lint(text, settings);
    } catch (error) {
      const failure = new LintFailure(document.version, settings, error);
      this.failures.set(document.uri, failure);
      throw failure;
    }
    const linted = new LintedDocument(document.uri, document.version, settings, result, text.startsWith('\uFEFF') ? 1 : 0);
    this.byUri.set(document.uri, linted);
    this.failures.delete(document.uri);
    return linted;
  }

  latest(uri: string): LintedDocument | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.failures.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.failures.clear();
  }
}
