import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigError } from '../core/config/validate';
import type { LintSettings } from '../core/types';
import type { ConfigResolver } from './configuration';
import type { EditorSettingsSource } from './editorSettings';
import { LintFailure, LintSuperseded, type DocumentLinter, type LintedDocument } from './lintCache';
import type { EditorSettings } from './protocol';
import { isAuditReport, isMarkdown } from './selection';
import { utf8Length } from '../core/text';

export type DocumentStatus =
  | { kind: 'ignored' }
  | { kind: 'too-large'; limit: number }
  | { kind: 'report'; settings: LintSettings };

export interface ReportStoreHooks {
  /** The nearest configuration of a document is invalid. */
  configError(error: ConfigError): void;
  /** A rule threw while linting a document; the other rules still reported. */
  ruleFailed(uri: string, ruleId: string, message: string): void;
  /** The document as a whole could not be linted. */
  lintFailed(uri: string, failure: LintFailure): void;
}

/** Decides which open documents are audit reports and hands out their lint results, one lint per version. */
export class ReportStore {
  /** Failures already logged, so a failing rule is not logged again on every keystroke. */
  private readonly reported = new Set<string>();
  private readonly failed = new Map<string, LintFailure>();
  private readonly sizes = new WeakMap<TextDocument, { version: number; bytes: number }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly editorSettings: EditorSettingsSource,
    private readonly config: ConfigResolver,
    private readonly linter: DocumentLinter,
    private readonly workspaceFolders: () => readonly string[],
    private readonly hooks: ReportStoreHooks,
    /** The path a document is known by (ServerHost.pathOf). */
    private readonly pathOf: (uri: string) => string | undefined,
  ) {}

  editor(uri: string): Promise<EditorSettings> {
    return this.editorSettings.get(uri);
  }

  /** Settings for a Markdown document whether or not it is a report yet (front matter completion), else undefined. */
  async markdownSettings(document: TextDocument): Promise<LintSettings | undefined> {
    const file = this.pathOf(document.uri);
    if (!isMarkdown(document.languageId, file) || !(await this.editorSettings.get(document.uri)).enable) return undefined;
    return this.config.forFile(file).settings;
  }

  async status(document: TextDocument): Promise<DocumentStatus> {
    const editor = await this.editorSettings.get(document.uri);
    if (!editor.enable) return { kind: 'ignored' };
    const file = this.pathOf(document.uri);
    const resolution = this.config.forFile(file);
    if (resolution.error) this.hooks.configError(resolution.error);
    const text = document.getText();
    const included = isAuditReport(
      { languageId: document.languageId, text, file },
      {
        configInclude: resolution.settings.include,
        configDir: resolution.configDir,
        editorInclude: editor.include,
        workspaceFolders: this.workspaceFolders(),
      },
    );
    if (!included) return { kind: 'ignored' };
    const limit = resolution.settings.maxDocumentBytes;
    // Cheap bound first: a UTF-16 code unit is at most three UTF-8 bytes.
    if (text.length * 3 > limit && this.bytesOf(document) > limit) return { kind: 'too-large', limit };
    return { kind: 'report', settings: resolution.settings };
  }

  /** UTF-8 size of a document's version, counted once: every request asks for the status. */
  private bytesOf(document: TextDocument): number {
    const known = this.sizes.get(document);
    if (known?.version === document.version) return known.bytes;
    // Node counts natively, as utf8Length does (a lone surrogate is three bytes); a browser has no Buffer.
    const bytes = typeof Buffer === 'function' ? Buffer.byteLength(document.getText(), 'utf8') : utf8Length(document.getText());
    this.sizes.set(document, { version: document.version, bytes });
    return bytes;
  }

  /**
   * The lint of the document's current version, or undefined when it is not an audit report or
   * could not be linted (reported once through `lintFailed`).
   */
  async current(uri: string): Promise<LintedDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const status = await this.status(document);
    if (status.kind !== 'report') return undefined;
    // The document may have changed while the settings were fetched.
    const latest = this.documents.get(uri);
    if (!latest) return undefined;
    let linted: LintedDocument;
    try {
      linted = await this.linter.lint(latest, status.settings);
    } catch (error) {
      // A newer version arrived: its own lint answers for the document.
      if (error instanceof LintSuperseded) return undefined;
      if (!(error instanceof LintFailure)) throw error;
      this.failed.set(uri, error);
      this.reportOnce(`${uri}\n${error.version}`, () => this.hooks.lintFailed(uri, error));
      return undefined;
    }
    this.failed.delete(uri);
    for (const failure of linted.result.failures) {
      this.reportOnce(`${uri}\n${failure.ruleId}\n${failure.message}`, () => this.hooks.ruleFailed(uri, failure.ruleId, failure.message));
    }
    return linted;
  }

  /** Why the current version of a document could not be linted, if it could not. */
  failure(uri: string): LintFailure | undefined {
    const failure = this.failed.get(uri);
    return failure && failure.version === this.documents.get(uri)?.version ? failure : undefined;
  }

  private reportOnce(key: string, report: () => void): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    report();
  }

  /** A newer version of the document arrived: a lint of an older one can stop. */
  superseded(uri: string, version: number): void {
    this.linter.superseded(uri, version);
  }

  /** A recent lint, possibly of an earlier version, for features that answer at once (hover, code actions, completion). */
  async recent(uri: string): Promise<LintedDocument | undefined> {
    const latest = this.linter.latest(uri);
    const document = this.documents.get(uri);
    if (latest && document && (await this.status(document)).kind === 'report') return latest;
    return this.current(uri);
  }

  forget(uri: string): void {
    this.linter.forget(uri);
    this.editorSettings.forget(uri);
    this.failed.delete(uri);
    for (const key of [...this.reported]) if (key.startsWith(`${uri}\n`)) this.reported.delete(key);
  }

  /** Configuration changed: everything resolved or linted before may be wrong. */
  invalidate(): void {
    this.config.clear();
    this.linter.clear();
    this.failed.clear();
    this.reported.clear();
  }
}
