import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SOURCE } from './convert';
import type { LintedDocument } from './lintCache';
import type { ReportStore } from './reports';
import type { TypingWait } from './typingWait';

/** A message about the document as a whole, at its start. */
function notice(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: SOURCE, message };
}

/** Lets messages that arrived during a long lint (a newer didChange above all) be read first. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs a callback after a delay, or with none as soon as the messages already read are handled (a
 * timer's shortest wait is a millisecond); returns how to cancel it. Web workers have no setImmediate.
 */
function after(delay: number, run: () => void): () => void {
  if (delay === 0 && typeof setImmediate === 'function') {
    const immediate = setImmediate(run);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(run, delay);
  return () => clearTimeout(timer);
}

/**
 * Pushes diagnostics for open documents: after an edit, once the document's typing wait has passed
 * (none when its lints are quick), always stamped with the version they were computed for, and
 * dropped when the document moved on before they could be published.
 */
export class DiagnosticsPublisher {
  /** How to cancel each document's scheduled lint. */
  private readonly timers = new Map<string, () => void>();
  /** Documents that currently show diagnostics, so that ignoring one later clears them. */
  private readonly shown = new Set<string>();
  /** Version each document was opened at: the change event that accompanies opening is not an edit. */
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly reports: ReportStore,
    private readonly typingWait: TypingWait,
    private readonly log: (message: string) => void,
  ) {}

  opened(uri: string, version: number): void {
    this.openedAt.set(uri, version);
    this.schedule(uri, 0);
  }

  async changed(uri: string, version: number): Promise<void> {
    if (this.openedAt.get(uri) === version) return;
    if ((await this.reports.editor(uri)).run === 'onType') this.schedule(uri, this.typingWait.after(uri), true);
  }

  async saved(uri: string): Promise<void> {
    if ((await this.reports.editor(uri)).run === 'onSave') this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.openedAt.delete(uri);
    this.typingWait.forget(uri);
    if (this.shown.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or configuration changed: lint every open document again. */
  refreshAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  /** `afterEdit`: the lint follows a keystroke, so its time sizes the next wait. */
  private schedule(uri: string, delay: number, afterEdit = false): void {
    this.cancel(uri);
    this.timers.set(uri, after(delay, () => {
      this.timers.delete(uri);
      this.publish(uri, afterEdit).catch((error) => this.log(`Could not lint ${uri}: ${(error as Error).stack ?? error}`));
    }));
  }

  private async publish(uri: string, afterEdit: boolean): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const status = await this.reports.status(document);
    let diagnostics: Diagnostic[];
    let linted: LintedDocument | undefined;
    if (status.kind === 'report') {
      linted = await this.reports.current(uri);
      const failure = this.reports.failure(uri);
      diagnostics = linted && linted.version === version ? (await linted.diagnosticsInParts(nextTurn)).diagnostics
        : failure ? [notice(`audit-lint could not check this document (${failure.message}). The details are in the audit-lint output.`)]
        : [];
      if (afterEdit && linted?.version === version) this.typingWait.linted(uri, linted.lintMs);
    } else if (status.kind === 'too-large') {
      diagnostics = [notice(`This document is larger than ${status.limit} bytes (maxDocumentBytes), so audit-lint does not lint it in the editor. Run the audit-lint command line on it instead.`)];
    } else {
      diagnostics = [];
    }
    await nextTurn();
    // A newer version has its own run scheduled; these results would only flash stale squiggles.
    if (this.documents.get(uri)?.version !== version) return;
    if (status.kind === 'ignored') {
      if (!this.shown.delete(uri)) return;
    } else {
      this.shown.add(uri);
    }
    this.connection.sendDiagnostics({ uri, version, diagnostics });
    // Hover and code actions after the next edit answer from this lint: index it now, between messages.
    if (linted) nextTurn().then(() => linted.prepareLookups()).catch((error) => this.log(`Could not index ${uri}: ${(error as Error).stack ?? error}`));
  }
}
