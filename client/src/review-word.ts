import * as vscode from 'vscode';
import type { LintSettings } from '../../server/src/core/types';
import type * as WordReader from './word-reader';

const WORD_READER = './word-reader.js';

/**
 * Review Word document: the reviewer's copy of a .docx (the one clicked in the Explorer, or picked),
 * each problem a Word comment, written beside it as `audit-lint review` writes it, and revealed.
 * Node only: the reader unzips with Node's zlib and the copy is written through the file system.
 */
export async function reviewWordFile(settingsFor: (uri: vscode.Uri | undefined) => LintSettings, clicked?: unknown): Promise<vscode.Uri | undefined> {
  const uri =
    clicked instanceof vscode.Uri
      ? clicked
      : (await vscode.window.showOpenDialog({ title: 'Review Word document', canSelectMany: false, filters: { 'Word documents': ['docx', 'docm'] }, openLabel: 'Review' }))?.[0];
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Review Word document writes the copy beside the document, so the document must be on this computer.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(uri);
  const { lintAndReview, writeReviewedCopy, reviewedName, CopyError } = require(WORD_READER) as typeof WordReader;
  // The document's settings are those of a Markdown report beside it.
  const settings = settingsFor(uri.with({ path: uri.path.replace(/\.\w+$/, '.md') }));
  const review = await lintAndReview(await vscode.workspace.fs.readFile(uri), settings);
  if ('error' in review) {
    void vscode.window.showErrorMessage(`${name} ${review.error}.`);
    return undefined;
  }
  const target = vscode.Uri.file(reviewedName(uri.fsPath));
  const shown = vscode.workspace.asRelativePath(target);
  const write = (force: boolean) => writeReviewedCopy(target.fsPath, review.outcome.bytes, { force, draft: uri.fsPath });
  try {
    write(false);
  } catch (error) {
    if (!(error instanceof CopyError) || error.kind !== 'exists') {
      void vscode.window.showErrorMessage(`${shown} ${(error as Error).message}.`);
      return undefined;
    }
    const replace = await vscode.window.showWarningMessage(`${shown} already exists and is not a copy audit-lint reviewed (or it was saved since). Replace it?`, { modal: true }, 'Replace');
    if (replace !== 'Replace') return undefined;
    try {
      write(true);
    } catch (again) {
      void vscode.window.showErrorMessage(`${shown} ${(again as Error).message}.`);
      return undefined;
    }
  }
  await vscode.commands.executeCommand('revealInExplorer', target);
  const { comments } = review.outcome;
  void vscode.window.showInformationMessage(`Reviewed ${name}: ${comments} comment${comments === 1 ? '' : 's'} in ${shown}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.env.openExternal(target);
  });
  return target;
}
