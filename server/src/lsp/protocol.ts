/**
 * The contract between the audit-lint language server and its clients: editor settings,
 * initialization options and custom requests. Types, constants and method names only, so a client
 * can import this file without pulling in the server.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ReportSummaryData } from '../core/summary';

/** Workspace configuration section `auditLint`, read per document with `workspace/configuration`. */
export interface EditorSettings {
  /** Lint audit reports at all. */
  enable: boolean;
  /** Globs, relative to the workspace folder, of Markdown files to lint as audit reports. */
  include: string[];
  /** Update diagnostics while typing, or only when the document is saved. */
  run: 'onType' | 'onSave';
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { enable: true, include: [], run: 'onType' };

/** Sent by the client in `initialize`. */
export interface InitializationOptions {
  /**
   * A fixed quiet time after the last keystroke before a document is linted. Without it, the wait
   * is sized by the document's last lint: none when that took under 50 ms, else as long (at most 500 ms).
   */
  debounceMs?: number;
  /** In a browser, where the server cannot read the workspace: its configuration files, read by the client. */
  configFiles?: ConfigFileContent[];
}

/** A configuration file's text as the client read it; null when it was deleted. */
export interface ConfigFileContent {
  uri: string;
  text: string | null;
}

/** Sent by the browser client when configuration files change (the server in a web worker cannot watch them). */
export namespace ConfigFilesNotification {
  export const method = 'auditLint/configFiles';
  export const type = new NotificationType<{ files: ConfigFileContent[] }>(method);
}

export interface ReportSummaryParams {
  uri: string;
}

/**
 * The report's scorecard (see core/summary.ts) with every line 0-based, as in LSP positions:
 * sections the profile requires then recommends, each action's SMART parts, counts by rule and severity.
 */
export type ReportSummary = Omit<ReportSummaryData, 'profileTitle'>;

/**
 * Sent by the client (the audit preview, the status bar) to get the scorecard of an open document.
 * Answers null when the document is not open or is not linted as an audit report.
 */
export namespace ReportSummaryRequest {
  export const method = 'auditLint/reportSummary';
  export const type = new RequestType<ReportSummaryParams, ReportSummary | null, void>(method);
}

/** How many lints the server finished, and how many it stopped because a newer version arrived. */
export interface LintStatistics {
  finished: number;
  cancelled: number;
}

/** For benchmarks and diagnosis: the server's lint counts since it started. */
export namespace LintStatisticsRequest {
  export const method = 'auditLint/lintStatistics';
  export const type = new RequestType<void, LintStatistics, void>(method);
}

/** Code action kind of the safe fix-all that editors may run on save. */
export const FIX_ALL_KIND = 'source.fixAll.auditLint';
