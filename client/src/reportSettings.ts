import * as fs from 'node:fs';
import type * as vscode from 'vscode';
import { ConfigLoader } from '../../server/src/core/config/load';
import { resolveSettings } from '../../server/src/core/config/settings';
import type { LintSettings } from '../../server/src/core/types';

const loader = new ConfigLoader({
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
});

/**
 * Settings for a report linted inside the extension host (preview, export): the nearest
 * configuration when the file is on disk, else the defaults. An invalid configuration is
 * reported by the language server, so here it falls back to the defaults.
 */
export function settingsForFile(fsPath: string | undefined): LintSettings {
  if (fsPath) {
    try {
      const found = loader.find(fsPath);
      return resolveSettings(found?.config, found?.file ?? '(defaults)');
    } catch {
      // fall through to the defaults
    }
  }
  return resolveSettings(undefined, '(defaults)');
}

/** The same for a document's URI: only files on disk have a configuration here. */
export function settingsForUri(uri: vscode.Uri | undefined): LintSettings {
  return settingsForFile(uri?.scheme === 'file' ? uri.fsPath : undefined);
}
