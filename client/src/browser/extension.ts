// The extension in a browser (VS Code for the Web: vscode.dev, github.dev): the language server runs
// in a web worker, and configuration is read through the workspace file system.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { ConfigFilesNotification, type InitializationOptions } from '../../../server/src/lsp/protocol';
import { activateWith } from '../activate';
import { WorkspaceConfigFiles } from './configFiles';

let client: LanguageClient | undefined;

/** Tasks run the command line, which needs Node.js; a browser has none, so none are offered and a configured one says why. */
class NodeOnlyTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    return [];
  }

  resolveTask(): undefined {
    void vscode.window.showWarningMessage(
      'The audit-lint task runs the audit-lint command line, which needs Node.js and so cannot run in VS Code for the Web. The Problems panel lists the findings of each open report; to lint a whole folder, run "npx audit-lint" on a computer with Node.js or use the audit-lint GitHub Action.',
    );
    return undefined;
  }
}

/**
 * The server's worker. VS Code for the Web serves extensions over http(s); an extension installed
 * on a remote host (code-server, VS Code Server) has a vscode-remote: location that a worker cannot
 * load, so the script is read through the workspace file system and started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<MessageTransports> {
  let worker: Worker;
  if (script.scheme === 'http' || script.scheme === 'https') {
    worker = new Worker(script.toString(true));
  } else {
    const source = new TextDecoder().decode(await vscode.workspace.fs.readFile(script));
    worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  }
  // The transports are made here: VS Code wraps Worker, so the client's own instanceof check fails.
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/** The Word and web page writers run under Node.js, beside the report on disk. */
async function exportNeedsNode(to: 'docx' | 'html'): Promise<undefined> {
  const what = to === 'docx' ? 'a Word document' : 'a web page';
  void vscode.window.showWarningMessage(
    `Exporting a report as ${what} needs Node.js, so it cannot run in VS Code for the Web. Open the report in desktop VS Code, or run "npx audit-lint export" on a computer with Node.js.`,
  );
  return undefined;
}

export async function activate(context: vscode.ExtensionContext) {
  const configFiles = new WorkspaceConfigFiles();
  context.subscriptions.push(configFiles);
  await configFiles.load();
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  client = new LanguageClient(
    'auditLint',
    'audit-lint',
    // A new worker each time the server starts, so that Restart server works.
    () => startWorker(serverMain),
    {
      documentSelector: [{ language: 'markdown' }],
      outputChannelName: 'audit-lint',
      initializationOptions: (): InitializationOptions => ({ configFiles: configFiles.all() }),
    },
  );
  const languageClient = client;
  context.subscriptions.push(configFiles.onDidChange((files) => {
    if (languageClient.isRunning()) void languageClient.sendNotification(ConfigFilesNotification.type, { files });
  }));
  return activateWith(context, client, { settingsFor: (uri) => configFiles.settingsFor(uri), taskProvider: new NodeOnlyTaskProvider(), exportReport: exportNeedsNode });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
