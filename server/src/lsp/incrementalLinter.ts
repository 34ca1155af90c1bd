import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintSettings } from '../core/types';
import { LintedDocument, LintFailure, LintSuperseded, snapshot, type DocumentLinter } from './lintCache';
import { LintedText } from './lintedText';
import type { LintRunner } from './lintRunner';

interface Running {
  version: number;
  settings: LintSettings;
  promise: Promise<LintedDocument>;
}

/**
 * Keeps the last linted version of each open document and hands lints to a runner, one per version:
 * requests for the version being linted share its lint, and a newer version stops an older lint.
 */
export class IncrementalDocumentLinter implements DocumentLinter {
  private readonly byUri = new Map<string, LintedDocument>();
  private readonly failures = new Map<string, LintFailure>();
  private readonly running = new Map<string, Running>();
  /** Changes when a document is forgotten or everything is cleared, so a lint that ends after that is not kept. */
  private readonly generations = new Map<string, object>();

  constructor(private readonly runner: LintRunner) {}

  lint(document: TextDocument, settings: LintSettings): Promise<LintedDocument> {
    const { uri, version } = document;
    const cached = this.byUri.get(uri);
    if (cached && cached.version === version && cached.settings === settings) return Promise.resolve(cached);
    const failed = this.failures.get(uri);
    if (failed && failed.version === version && failed.settings === settings) return Promise.reject(failed);
    const run = this.running.get(uri);
    if (run && run.version === version && run.settings === settings) return run.promise;

    let generation = this.generations.get(uri);
    if (!generation) this.generations.set(uri, (generation = {}));
    const current = () => this.generations.get(uri) === generation;
    const frozen = snapshot(document);
    const promise = this.runner.run({ uri, version, text: frozen.getText(), settings }).then((outcome) => {
      if (this.running.get(uri)?.promise === promise) this.running.delete(uri);
      if (outcome.kind === 'cancelled') throw new LintSuperseded(version);
      if (outcome.kind === 'failed') {
        const failure = new LintFailure(version, settings, outcome.error);
        if (current()) this.failures.set(uri, failure);
        throw failure;
      }
      const { view } = outcome;
      const kept = this.byUri.get(uri);
      const linted = new LintedDocument(new LintedText(uri, frozen.languageId, version, frozen.getText(), view.lineStarts), settings, view, kept);
      if (current() && (!kept || kept.version <= version)) {
        this.byUri.set(uri, linted);
        this.failures.delete(uri);
      }
      return linted;
    });
    this.running.set(uri, { version, settings, promise });
    return promise;
  }

  superseded(uri: string, version: number): void {
    this.runner.supersede(uri, version);
  }

  latest(uri: string): LintedDocument | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.failures.delete(uri);
    this.running.delete(uri);
    this.generations.delete(uri);
    this.runner.forget(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.failures.clear();
    this.running.clear();
    this.generations.clear();
    this.runner.clear();
  }
}
