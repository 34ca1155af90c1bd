import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { exportActions, fixAll, importWordDocument, newReport, openPreview, restartServer } from './commands';
import { exportReport } from './export';
import { auditLintPreview } from './preview/plugin';
import { ReportStatus } from './status';
import { AuditLintTaskProvider, TASK_TYPE } from './tasks';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext) {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.auditlintrc.json,.auditlintrc.yaml,.auditlintrc.yml,package.json}'),
    },
    outputChannelName: 'audit-lint',
  };
  client = new LanguageClient('auditLint', 'audit-lint', serverOptions, clientOptions);
  const languageClient = client;
  const status = new ReportStatus(languageClient);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand('auditLint.newReport', newReport),
    vscode.commands.registerCommand('auditLint.openPreview', openPreview),
    vscode.commands.registerCommand('auditLint.fixAll', fixAll),
    vscode.commands.registerCommand('auditLint.exportActions', exportActions),
    vscode.commands.registerCommand('auditLint.importWord', importWordDocument),
    vscode.commands.registerCommand('auditLint.exportWord', (target?: unknown) => exportReport('docx', target)),
    vscode.commands.registerCommand('auditLint.exportWebPage', (target?: unknown) => exportReport('html', target)),
    vscode.commands.registerCommand('auditLint.restartServer', () => restartServer(languageClient)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new AuditLintTaskProvider()),
  );
  await client.start();
  void status.update();

  return {
    extendMarkdownIt(md: MarkdownIt) {
      return md.use(auditLintPreview);
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
