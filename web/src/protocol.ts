/** The messages between the page and the worker that runs the engine, and what they carry. */
import type { Severity } from '../../server/src/core/types';

export const AUDIENCES = ['public', 'practitioners', 'board'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What the reader sets on the page, kept in the browser's local storage and never sent anywhere. */
export interface PageSettings {
  /** Profile for reports that name none; empty means the configuration's or the built-in default. */
  profile: string;
  audience: Audience | '';
  agencies: string[];
  roles: string[];
  acronyms: Record<string, string>;
  /** A dropped .auditlintrc.json, applied under the settings above. */
  config?: { name: string; text: string };
}

export const EMPTY_SETTINGS: PageSettings = { profile: '', audience: '', agencies: [], roles: [], acronyms: {} };

/** One problem row, as the command line's stylish report shows it. */
export interface ProblemRow {
  ruleIds: string[];
  severity: Severity;
  message: string;
  /** "12:3", or a Word paragraph and quote: ¶15 "All agencies". */
  where: string;
  /** Text a reader of the Word file can recover but the page of the report does not show. */
  hidden: boolean;
  /** The heading of the section the problem is in. */
  section: string;
  /** Why the first rule exists, and how the passage reads when written well. */
  explanation: string;
  better: string;
  /** The id of the marked words in the rendered report, when the problem sits on a phrase. */
  markId?: string;
}

export interface FileReport {
  name: string;
  profile: string;
  /** The profile came from the report itself (front matter or title) or was chosen on the page. */
  profileSource: string;
  profiles: string[];
  problems: ProblemRow[];
  /** What the engine says about the file beyond its findings: macros ignored, what the conversion lost. */
  notes: string[];
  scorecardHtml: string;
  reportHtml: string;
  /** The downloads this file offers. */
  downloads: DownloadKind[];
}

export type DownloadKind = 'reviewed' | 'actions' | 'markdown' | 'docx' | 'html';

export type ToWorker =
  | { type: 'settings'; settings: PageSettings }
  | { type: 'check'; id: number; name: string; bytes: ArrayBuffer; settings: PageSettings; profile?: string }
  | { type: 'download'; id: number; kind: DownloadKind }
  | { type: 'forget'; id: number }
  /** The audit programme of the files checked so far, on this computer's date (YYYY-MM-DD). */
  | { type: 'programme'; today: string };

export type FromWorker =
  | { type: 'settings'; profiles: string[]; error?: string }
  | { type: 'progress'; id: number; done: number; stage: string }
  | { type: 'report'; id: number; report: FileReport }
  | { type: 'refused'; id: number; name: string; message: string }
  | { type: 'file'; id: number; name: string; mime: string; bytes: ArrayBuffer }
  | { type: 'download-refused'; id: number; message: string }
  | { type: 'programme'; reports: number; html: string; csv: string };
