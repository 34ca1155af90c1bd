import * as vscode from 'vscode';
import { lint } from '../../server/src/core/engine';
import type { LintSettings } from '../../server/src/core/types';
import type * as WordReader from './word-reader';

const WORD_READER = './word-reader.js';

/**
 * Import Word document…: a .docx (picked, or the one clicked in the Explorer) opens as a new
 * Markdown report, converted as `audit-lint import` does, with its profile in the front matter so
 * it is linted at once. What was not converted, and personal data hidden in the Word file, are shown.
 * Node only: the reader unzips with Node's zlib.
 */
export async function importWordDocument(settingsFor: (uri: vscode.Uri | undefined) => LintSettings, clicked?: unknown): Promise<vscode.TextEditor | undefined> {
  const uri =
    clicked instanceof vscode.Uri
      ? clicked
      : (await vscode.window.showOpenDialog({ title: 'Import Word document', canSelectMany: false, filters: { 'Word documents': ['docx', 'docm'] }, openLabel: 'Import' }))?.[0];
  if (!uri) return undefined;
  const name = vscode.workspace.asRelativePath(uri);
  const { readWordFile, withProfile } = require(WORD_READER) as typeof WordReader;
  const read = await readWordFile(Buffer.from(await vscode.workspace.fs.readFile(uri)));
  if ('error' in read) {
    void vscode.window.showErrorMessage(`${name} ${read.error}.`);
    return undefined;
  }
  // The report's settings are those of a Markdown file beside the document.
  const settings = settingsFor(uri.with({ path: uri.path.replace(/\.\w+$/, '.md') }));
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
