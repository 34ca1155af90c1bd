/**
 * The contract between the audit-lint language server and its clients: editor settings,
 * initialization options and custom requests. Types, constants and method names only, so a client
 * can import this file without pulling in the server.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { SectionId } from '../core/types';

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
  /** Quiet time after the last keystroke before a document is linted (default 200 ms). */
  debounceMs?: number;
}

export interface ReportSummaryParams {
  uri: string;
}

export interface SectionStatus {
  id: SectionId;
  present: boolean;
  /** The profile requires this section (alone or as one of alternatives). */
  required: boolean;
  /** The requirement it belongs to is met, by this section or an alternative; true for recommended ones that are present. */
  satisfied: boolean;
  /** Heading of the first section that counts as it. */
  title?: string;
  /** 0-based line of that heading, as in LSP positions. */
  line?: number;
}

export interface ActionStatus {
  /** 0-based line where the action starts. */
  line: number;
  text: string;
  owner: boolean;
  measure: boolean;
  deadline: boolean;
  outcome: boolean;
  /** Parts present out of the four. */
  score: number;
}

export interface ReportSummary {
  profile: string;
  /** The profile's required sections, then its recommended ones. */
  sections: SectionStatus[];
  actions: ActionStatus[];
  counts: {
    byRule: Record<string, number>;
    bySeverity: { error: number; warning: number; info: number };
  };
}

/**
 * Sent by the client (the audit preview, the status bar) to get the scorecard of an open document.
 * Answers null when the document is not open or is not linted as an audit report.
 */
export namespace ReportSummaryRequest {
  export const method = 'auditLint/reportSummary';
  export const type = new RequestType<ReportSummaryParams, ReportSummary | null, void>(method);
}

/** Code action kind of the safe fix-all that editors may run on save. */
export const FIX_ALL_KIND = 'source.fixAll.auditLint';
