import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as Exporter from '../../server/src/formats/export';
import { settingsForFile } from './reportSettings';

/** The Word and web page writers: a bundle of their own beside this one, loaded on the first export. */
const EXPORTER = './export.js';

const NAMES: Record<Exporter.ExportFormat, string> = { docx: 'Word document', html: 'web page' };

/** The report to export: the one the command was given (explorer, editor title), else the editor beside the preview or the active one. */
async function reportDocument(target: unknown): Promise<vscode.TextDocument | undefined> {
  if (target instanceof vscode.Uri) return vscode.workspace.openTextDocument(target);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  return vscode.window.visibleTextEditors.map((editor) => editor.document).find((document) => document.languageId === 'markdown');
}

/**
 * Export the report beside itself as an accessible Word document or web page, as
 * `audit-lint export` does: the text in the editor (saved or not), images from the report's folder.
 * A report with personal data or placeholders is refused unless the author chooses to export anyway;
 * a file that an export did not write is replaced only when the author agrees. Returns the file written.
 */
export async function exportReport(to: Exporter.ExportFormat, target?: unknown): Promise<vscode.Uri | undefined> {
  const document = await reportDocument(target);
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(`Open an audit report to export it as a ${NAMES[to]}.`);
    return undefined;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(`Save the report first: the ${NAMES[to]} is written beside it, with the images from its folder.`);
    return undefined;
  }
  const exporter = require(EXPORTER) as typeof Exporter;
  const file = document.uri.fsPath;
  const name = path.basename(file);
  const output = file.replace(/(\.(md|markdown))?$/i, `.${to}`);

  let force = false;
  let data: Uint8Array | undefined;
  while (!data) {
    let result: Exporter.ExportResult;
    try {
      result = await exporter.exportReport({ text: document.getText(), file, settings: settingsForFile(file), to, force });
    } catch (error) {
      void vscode.window.showErrorMessage(`${name} was not exported: ${(error as Error).message}.`);
      return undefined;
    }
    if (result.ok) {
      data = result.data;
      break;
    }
    const shown = result.blockers.slice(0, 3).map((b) => `line ${b.line}: ${b.message}`).join(' ');
    const more = result.blockers.length > 3 ? ` (and ${result.blockers.length - 3} more)` : '';
    const choice = await vscode.window.showWarningMessage(
      `${name} was not exported as a ${NAMES[to]}: ${result.blockers.length} ${result.blockers.length === 1 ? 'problem stops' : 'problems stop'} it being published. ${shown}${more}`,
      'Show Problems',
      'Export Anyway',
    );
    if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== 'Export Anyway') return undefined;
    force = true;
  }

  const uri = vscode.Uri.file(output);
  try {
    exporter.writeExport(output, data, { force: false, source: file });
  } catch (error) {
    // Only a file that an export did not write is worth asking about; anything else is an error.
    if (!/already exists/.test((error as Error).message)) {
      void vscode.window.showErrorMessage(`${path.basename(output)} ${(error as Error).message}.`);
      return undefined;
    }
    const replace = await vscode.window.showWarningMessage(`${path.basename(output)} already exists and was not written by an export. Replace it?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return undefined;
    try {
      exporter.writeExport(output, data, { force: true, source: file });
    } catch (again) {
      void vscode.window.showErrorMessage(`${path.basename(output)} ${(again as Error).message}.`);
      return undefined;
    }
  }
  await vscode.commands.executeCommand('revealInExplorer', uri);
  void vscode.window.showInformationMessage(`Exported ${name} as ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.env.openExternal(uri);
  });
  return uri;
}
