import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { LintSettings } from '../../server/src/core/types';
import { exportActions, fixAll, newReport, openPreview, restartServer } from './commands';
import { auditLintPreview } from './preview/plugin';
import { summariseFolder, type WordReader } from './summary';
import { ReportStatus } from './status';
import { TASK_TYPE } from './tasks';

/** What differs between the extension under Node (desktop, remote) and in a browser (VS Code for the Web). */
export interface Platform {
  /** Settings for a report linted in the extension host (preview, export): its nearest configuration. */
  settingsFor(uri: vscode.Uri | undefined): LintSettings;
  /** Tasks of type audit-lint, which run the command line. */
  taskProvider: vscode.TaskProvider;
  /** Export a report as a Word document or a web page (the command's target: a URI from the explorer or editor title). */
  exportReport(to: 'docx' | 'html', target?: unknown): Promise<unknown>;
  /** Open a Word document as a new Markdown report (the target: a URI from the explorer); not in a browser. */
  importWord?(target?: unknown): Promise<unknown>;
  /** Read a Word document for the programme summary; not in a browser. */
  readWord?: WordReader;
  /** Write the reviewer's copy of a Word document beside it (the target: a URI from the explorer); not in a browser. */
  reviewWord?(target?: unknown): Promise<unknown>;
}

/** Everything the extension contributes, on a language client made for the platform; returns the extension's API. */
export async function activateWith(context: vscode.ExtensionContext, client: BaseLanguageClient, platform: Platform) {
  const status = new ReportStatus(client);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('auditLint.newReport', newReport),
    vscode.commands.registerCommand('auditLint.openPreview', openPreview),
    vscode.commands.registerCommand('auditLint.fixAll', fixAll),
    vscode.commands.registerCommand('auditLint.exportActions', () => exportActions(platform.settingsFor)),
    vscode.commands.registerCommand('auditLint.exportWord', (target?: unknown) => platform.exportReport('docx', target)),
    vscode.commands.registerCommand('auditLint.exportWebPage', (target?: unknown) => platform.exportReport('html', target)),
    vscode.commands.registerCommand('auditLint.importWord', (target?: unknown) =>
      platform.importWord ? platform.importWord(target) : vscode.window.showInformationMessage('Importing a Word document needs VS Code on the desktop; run "audit-lint import" instead.'),
    ),
    vscode.commands.registerCommand('auditLint.summariseProgramme', (target?: unknown) => summariseFolder(platform.settingsFor, target, platform.readWord)),
    vscode.commands.registerCommand('auditLint.reviewWord', (target?: unknown) =>
      platform.reviewWord ? platform.reviewWord(target) : vscode.window.showInformationMessage('Reviewing a Word document needs VS Code on the desktop; run "audit-lint review" instead.'),
    ),
    vscode.commands.registerCommand('auditLint.restartServer', () => restartServer(client)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, platform.taskProvider),
  );
  await client.start();
  void status.update();

  return {
    extendMarkdownIt(md: MarkdownIt) {
      return md.use(auditLintPreview, platform.settingsFor);
    },
  };
}
