import type { Connection } from 'vscode-languageserver';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings } from './protocol';

export const SETTINGS_SECTION = 'auditLint';

/** Keep only well-formed values: settings come from user files and may be anything. */
export function narrowSettings(raw: unknown): EditorSettings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_EDITOR_SETTINGS.enable,
    include: Array.isArray(value.include) ? value.include.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_EDITOR_SETTINGS.include,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_EDITOR_SETTINGS.run,
  };
}

/**
 * Editor settings per document. Asked of the client when it supports `workspace/configuration`
 * (settings may differ per folder), otherwise taken from `didChangeConfiguration`. Never global state
 * beyond this cache, which is cleared whenever the configuration changes.
 */
export class EditorSettingsSource {
  private readonly byUri = new Map<string, Promise<EditorSettings>>();
  private pushed: EditorSettings = DEFAULT_EDITOR_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
  ) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(narrowSettings, () => DEFAULT_EDITOR_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** The configuration changed; `settings` is what the client pushed, if anything. */
  changed(settings: unknown): void {
    this.byUri.clear();
    const section = (settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (section !== undefined) this.pushed = narrowSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
