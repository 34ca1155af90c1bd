import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter } from '../core/incremental';
import type { LintSettings } from '../core/types';
import { LintedDocument, LintFailure, type DocumentLinter } from './lintCache';

/**
 * Keeps the last linted version of each open document and, for each, the parsed parts of its text:
 * a new version re-parses only the parts that changed and reuses the analyses of unchanged text.
 */
export class IncrementalDocumentLinter implements DocumentLinter {
  private readonly byUri = new Map<string, LintedDocument>();
  private readonly failures = new Map<string, LintFailure>();
  private readonly linters = new Map<string, IncrementalLinter>();

  lint(document: TextDocument, settings: LintSettings): LintedDocument {
    const cached = this.byUri.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached;
    const failed = this.failures.get(document.uri);
    if (failed && failed.version === document.version && failed.settings === settings) throw failed;
    const text = document.getText();
    let linter = this.linters.get(document.uri);
    if (!linter) {
      linter = new IncrementalLinter();
      this.linters.set(document.uri, linter);
    }
    let linted: LintedDocument;
    try {
      linted = new LintedDocument(document.uri, document.version, settings, linter.lint(text, settings), text.startsWith('\uFEFF') ? 1 : 0);
    } catch (error) {
      const failure = new LintFailure(document.version, settings, error);
      this.failures.set(document.uri, failure);
      throw failure;
    }
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
    this.linters.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.failures.clear();
    this.linters.clear();
  }
}
