import * as vscode from 'vscode';

export const TASK_TYPE = 'audit-lint';

interface AuditLintTaskDefinition extends vscode.TaskDefinition {
  paths?: string[];
  args?: string[];
}

function shellQuote(value: string): string {
  return /^[\w./*-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Runs the CLI over the workspace's reports; the $audit-lint problem matcher reads its stylish output. */
export class AuditLintTaskProvider implements vscode.TaskProvider {
  provideTasks(): vscode.Task[] {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    return [this.build({ type: TASK_TYPE, paths: ['.'] }, folder)];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as AuditLintTaskDefinition;
    const scope = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    return scope ? this.build(definition, scope) : undefined;
  }

  private build(definition: AuditLintTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
    const words = ['npx', '--no-install', 'audit-lint', ...(definition.paths ?? ['.']), ...(definition.args ?? [])];
    const task = new vscode.Task(definition, folder, `lint ${(definition.paths ?? ['.']).join(' ')}`, 'audit-lint', new vscode.ShellExecution(words.map(shellQuote).join(' ')), '$audit-lint');
    task.group = vscode.TaskGroup.Test;
    return task;
  }
}
