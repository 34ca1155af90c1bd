import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { exportReport } from './export';
import { importWordDocument } from './import-word';
import { reviewWordFile } from './review-word';
import { settingsForUri } from './reportSettings';
import { AuditLintTaskProvider } from './tasks';
import type * as WordReader from './word-reader';

/** The Word reader, a bundle of its own (dist/word-reader.js), loaded the first time a Word document is read. */
const WORD_READER = './word-reader.js';

let client: LanguageClient | undefined;

/** The extension under Node (desktop VS Code, remote hosts): the server runs as a Node process. */
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
  return activateWith(context, client, {
    settingsFor: settingsForUri,
    taskProvider: new AuditLintTaskProvider(),
    exportReport,
    importWord: (target) => importWordDocument(settingsForUri, target),
    readWord: (bytes) => (require(WORD_READER) as typeof WordReader).readWordFile(Buffer.from(bytes)),
    reviewWord: (target) => reviewWordFile(settingsForUri, target),
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
