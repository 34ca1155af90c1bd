import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { builtInProfiles } from '../../server/src/core/model/profiles';
import { reportSkeleton } from '../../server/src/core/skeleton';
import { actionRows, renderActionTracker } from '../../server/src/core/action-tracker';
import { lint } from '../../server/src/core/engine';
import { FIX_ALL_KIND } from '../../server/src/lsp/protocol';
import { withProfile } from '../../server/src/formats/docx';
import { readWordFile } from '../../server/src/formats/docx/word-input';
import { settingsForFile } from './reportSettings';

/** New audit report: pick a profile, get an untitled document with its skeleton. */
export async function newReport(): Promise<vscode.TextEditor | undefined> {
  const picked = await vscode.window.showQuickPick(
    Object.values(builtInProfiles).map((profile) => ({
      label: profile.title,
      description: profile.id,
      detail: `Sections: ${profile.required.map((r) => r[0].join(' + ')).join(', ')}`,
      profile,
    })),
    { title: 'New audit report', placeHolder: 'Which kind of report?' },
  );
  if (!picked) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: reportSkeleton(picked.profile) });
  return vscode.window.showTextDocument(document);
}

export async function openPreview(): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}

/** Apply every safe fix in the active report, as the fix-all source action does on save. */
export async function fixAll(): Promise<void> {
  await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

export async function restartServer(client: LanguageClient): Promise<void> {
  await client.restart();
}

/** Export the active report's actions, with the SMART parts each has, as CSV for an action tracker. */
export async function exportActions(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open an audit report to export its actions.');
    return;
  }
  const settings = settingsForFile(document.uri.scheme === 'file' ? document.uri.fsPath : undefined);
  const file = vscode.workspace.asRelativePath(document.uri);
  const rows = actionRows(file, lint(document.getText(), settings).model, settings);
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('This report has no actions to export.');
    return;
  }
  // The same columns as "audit-lint actions --format csv", so trackers can combine both.
  const csv = renderActionTracker('csv', rows);
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.scheme === 'file' ? vscode.Uri.file(document.uri.fsPath.replace(/\.md$/i, '-actions.csv')) : undefined,
    filters: { CSV: ['csv'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(csv, 'utf8'));
  void vscode.window.showInformationMessage(`Exported ${rows.length} actions to ${vscode.workspace.asRelativePath(target)}.`);
}

/**
 * Import Word document…: a .docx (picked, or the one clicked in the Explorer) opens as a new
 * Markdown report, converted as `audit-lint import` does, with its profile in the front matter so
 * it is linted at once. What was not converted, and personal data hidden in the Word file, are shown.
 */
export async function importWordDocument(clicked?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const uri =
    clicked ??
    (await vscode.window.showOpenDialog({ title: 'Import Word document', canSelectMany: false, filters: { 'Word documents': ['docx', 'docm'] }, openLabel: 'Import' }))?.[0];
  if (!uri) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  const read = await readWordFile(Buffer.from(await vscode.workspace.fs.readFile(uri)));
  if ('error' in read) {
    void vscode.window.showErrorMessage(`${name} ${read.error}.`);
    return undefined;
  }
  const settings = settingsForFile(uri.scheme === 'file' ? uri.fsPath.replace(/\.\w+$/, '.md') : undefined);
  const { profile, findings } = lint(read.input.reading.markdown, settings, { ...read.input.lintOptions, only: ['anonymisation'] });
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: withProfile(read.input.reading, profile) });
  const editor = await vscode.window.showTextDocument(document);
  const leaks = findings.filter((f) => typeof f.data.hidden === 'number');
  if (leaks.length > 0) {
    void vscode.window.showWarningMessage(`${name} carries personal data the report does not show: ${leaks.map((f) => f.message.split('. ')[0]).join('; ')}. Remove it from the Word file before sharing it.`);
  }
  if (read.input.reading.lossy.length > 0) {
    void vscode.window.showInformationMessage(`Imported ${name}. Not converted: ${read.input.reading.lossy.join(' ')}`);
  }
  return editor;
}
