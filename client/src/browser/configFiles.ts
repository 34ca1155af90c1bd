import * as vscode from 'vscode';
import { ConfigLoader, CONFIG_FILE_NAMES } from '../../../server/src/core/config/load';
import { resolveSettings } from '../../../server/src/core/config/settings';
import type { LintSettings } from '../../../server/src/core/types';
import { virtualPathOf } from '../../../server/src/lsp/host';
import type { ConfigFileContent } from '../../../server/src/lsp/protocol';

const GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

/**
 * The workspace's configuration files, read through the workspace file system (a browser has no
 * disk), kept up to date, and handed to the language server and to the preview.
 */
export class WorkspaceConfigFiles implements vscode.Disposable {
  /** Text by path (virtualPathOf), as the server knows them too. */
  private readonly texts = new Map<string, { uri: string; text: string }>();
  private readonly loader = new ConfigLoader({ readFile: (file) => this.texts.get(file)?.text });
  private readonly changed = new vscode.EventEmitter<ConfigFileContent[]>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher(GLOB);
  readonly onDidChange = this.changed.event;

  constructor() {
    const update = async (uri: vscode.Uri, deleted: boolean) => {
      if (uri.path.includes('/node_modules/')) return;
      const content = deleted ? { uri: uri.toString(), text: null } : await this.read(uri);
      if (!content) return;
      this.loader.clear();
      this.changed.fire([content]);
    };
    this.watcher.onDidCreate((uri) => void update(uri, false));
    this.watcher.onDidChange((uri) => void update(uri, false));
    this.watcher.onDidDelete((uri) => void update(uri, true));
  }

  /** Read every configuration file in the workspace (node_modules left out). */
  async load(): Promise<void> {
    const uris = await vscode.workspace.findFiles(GLOB, '**/node_modules/**');
    await Promise.all(uris.map((uri) => this.read(uri)));
  }

  all(): ConfigFileContent[] {
    return [...this.texts.values()];
  }

  /** Settings for a report: its nearest configuration, or the defaults when it has none or it is invalid (the server reports that). */
  settingsFor(uri: vscode.Uri | undefined): LintSettings {
    const file = uri && virtualPathOf(uri.toString());
    if (file) {
      try {
        const found = this.loader.find(file);
        return resolveSettings(found?.config, found?.file ?? '(defaults)');
      } catch {
        // fall through to the defaults
      }
    }
    return resolveSettings(undefined, '(defaults)');
  }

  private async read(uri: vscode.Uri): Promise<ConfigFileContent | undefined> {
    const file = virtualPathOf(uri.toString());
    if (!file) return undefined;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.texts.delete(file);
      return { uri: uri.toString(), text: null };
    }
    const content = { uri: uri.toString(), text };
    this.texts.set(file, content);
    return content;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
