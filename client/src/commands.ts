import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { builtInProfiles } from '../../server/src/core/model/profiles';
import { reportSkeleton } from '../../server/src/core/skeleton';
import { actionRows, renderActionTracker } from '../../server/src/core/action-tracker';
import { lint } from '../../server/src/core/engine';
import { FIX_ALL_KIND } from '../../server/src/lsp/protocol';
import type { LintSettings } from '../../server/src/core/types';

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

export async function restartServer(client: BaseLanguageClient): Promise<void> {
  if (client.isRunning()) await client.stop();
  await client.start();
}

/** Export the active report's actions, with the SMART parts each has, as CSV for an action tracker. */
export async function exportActions(settingsFor: (uri: vscode.Uri) => LintSettings): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open an audit report to export its actions.');
    return;
  }
  const settings = settingsFor(document.uri);
  const file = vscode.workspace.asRelativePath(document.uri);
  const rows = actionRows(file, lint(document.getText(), settings).model, settings);
  if (rows.length === 0) {
    void vscode.window.showInformationMessage('This report has no actions to export.');
    return;
  }
  // The same columns as "audit-lint actions --format csv", so trackers can combine both.
  const csv = renderActionTracker('csv', rows);
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.scheme === 'untitled' ? undefined : document.uri.with({ path: document.uri.path.replace(/\.md$/i, '-actions.csv') }),
    filters: { CSV: ['csv'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  void vscode.window.showInformationMessage(`Exported ${rows.length} actions to ${vscode.workspace.asRelativePath(target)}.`);
}
