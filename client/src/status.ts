import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReportSummaryRequest, type ReportSummary } from '../../server/src/lsp/protocol';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The file name shown on a document's tab ("report.md", "Untitled-1"). */
function documentName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function statusText(summary: ReportSummary): string {
  const { error, warning } = summary.counts.bySeverity;
  const smart = summary.actions.filter((a) => a.score === 4).length;
  const actions = summary.actions.length > 0 ? ` · SMART ${smart} of ${summary.actions.length}` : '';
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}${actions}`;
}

/** Status bar item for the active audit report: counts and SMART actions; a click opens the Problems panel. */
export class ReportStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('auditLint.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private generation = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.item.name = 'audit-lint';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) void this.update();
      }),
    );
    void this.update();
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      if (document) void vscode.commands.executeCommand('setContext', 'auditLint.isReport', false);
      this.item.hide();
      return;
    }
    let summary: ReportSummary | null = null;
    try {
      summary = await this.client.sendRequest(ReportSummaryRequest.type, { uri: document.uri.toString() });
    } catch {
      summary = null;
    }
    if (generation !== this.generation) return;
    // Menus offer the export commands for audit reports only.
    void vscode.commands.executeCommand('setContext', 'auditLint.isReport', summary !== null);
    if (!summary) {
      this.item.hide();
      return;
    }
    const text = statusText(summary);
    this.item.text = `$(checklist) ${text}`;
    // Screen readers (and the end-to-end tests) hear which document the counts belong to.
    this.item.accessibilityInformation = { label: `audit-lint, ${documentName(document.uri)}: ${text}`, role: 'button' };
    this.item.tooltip = `audit-lint (${summary.profile}): ${plural(summary.counts.bySeverity.info, 'info')}. Click to open the Problems panel.`;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
