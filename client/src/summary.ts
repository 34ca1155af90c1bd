import * as vscode from 'vscode';
import { decodeDocument } from '../../server/src/core/decode';
import { lint } from '../../server/src/core/engine';
import { summariseProgramme, type ProgrammeInput } from '../../server/src/core/programme';
import { readWrittenDate } from '../../server/src/core/programme/report-date';
import type { LintSettings } from '../../server/src/core/types';
import type { WordRead } from '../../server/src/formats/docx/word-input';
import { renderProgrammeHtml } from '../../server/src/formats/summary';

/** What the folder's reports are: Markdown and Word, as "audit-lint summary FOLDER" reads them. */
const REPORTS = '**/*.{md,docx,docm}';
const NEVER = '**/{node_modules,.git}/**';
/** The page is data: no script runs in the webview, and nothing is loaded from anywhere. */
const CONTENT_SECURITY_POLICY = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

export type WordReader = (bytes: Uint8Array) => Promise<WordRead>;

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function pickFolder(target: unknown): Promise<vscode.Uri | undefined> {
  if (target instanceof vscode.Uri) return target;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Summarise the audit reports in which folder?' }))?.uri;
}

/** One report of the folder for the summary, or why it could not be read. */
async function readReport(uri: vscode.Uri, settingsFor: (uri: vscode.Uri) => LintSettings, readWord: WordReader | undefined): Promise<ProgrammeInput | string> {
  const file = vscode.workspace.asRelativePath(uri);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (/\.docm?$/i.test(uri.path)) {
    if (!readWord) return `${file}: Word documents are read only in desktop VS Code`;
    const read = await readWord(bytes);
    if ('error' in read) return `${file} ${read.error}`;
    const settings = settingsFor(uri.with({ path: uri.path.replace(/\.\w+$/, '.md') }));
    const propertyDate = read.input.reading.propertyDate === undefined ? null : readWrittenDate(read.input.reading.propertyDate);
    return { file, result: lint(read.input.reading.markdown, settings, read.input.lintOptions), settings, propertyDate };
  }
  const decoded = decodeDocument(bytes);
  if ('error' in decoded) return `${file} ${decoded.error}`;
  const settings = settingsFor(uri);
  return { file, result: lint(decoded.text, settings), settings };
}

/**
 * Summarise audit programme: every report in a folder (the one clicked in the Explorer, or the
 * workspace's) on one page beside the editor, as "audit-lint summary" writes it. Reports that
 * cannot be read are named, and the rest are summarised.
 */
export async function summariseFolder(settingsFor: (uri: vscode.Uri) => LintSettings, target?: unknown, readWord?: WordReader): Promise<vscode.WebviewPanel | undefined> {
  const folder = await pickFolder(target);
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder of audit reports to summarise them.');
    return undefined;
  }
  const uris = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, REPORTS), NEVER))
    .filter((uri) => !/(^|\/)~\$[^/]*$/.test(uri.path))
    .sort((a, b) => a.path.localeCompare(b.path));
  if (uris.length === 0) {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(folder)} has no audit reports (.md or .docx) to summarise.`);
    return undefined;
  }
  const { inputs, unread } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Summarising the audit programme' }, async (progress) => {
    const inputs: ProgrammeInput[] = [];
    const unread: string[] = [];
    for (const uri of uris) {
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
      const read = await readReport(uri, settingsFor, readWord);
      if (typeof read === 'string') unread.push(read);
      else inputs.push(read);
    }
    return { inputs, unread };
  });
  if (unread.length > 0) void vscode.window.showWarningMessage(`Not in the summary: ${unread.join('; ')}.`);

  const summary = summariseProgramme(inputs, { today: localToday() });
  const name = folder.path.split('/').filter(Boolean).pop() ?? 'workspace';
  const panel = vscode.window.createWebviewPanel('auditLint.programme', `Audit programme: ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: false, localResourceRoots: [] });
  panel.webview.html = renderProgrammeHtml(summary).replace('<head>\n', `<head>\n${CONTENT_SECURITY_POLICY}\n`);
  return panel;
}
