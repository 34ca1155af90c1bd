import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigLoader, CONFIG_FILE_NAMES, parseConfigText, type FileSystem } from '../core/config/load';
import { resolveSettings } from '../core/config/settings';
import { ConfigError } from '../core/config/validate';
import type { LintSettings } from '../core/types';

/**
 * The `include` globs of a configuration that failed validation, when they can still be read, so
 * that a mistake elsewhere in the file does not make its reports drop out of the editor.
 */
function salvageInclude(file: string, fileSystem: FileSystem): string[] {
  try {
    const text = fileSystem.readFile(file) ?? '';
    const raw: unknown = /\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text);
    const section = (path.basename(file) === 'package.json' ? (raw as Record<string, unknown> | null)?.auditLint : raw) as Record<string, unknown> | null;
    const include = section?.include;
    return Array.isArray(include) && include.every((glob) => typeof glob === 'string') ? include : [];
  } catch {
    return [];
  }
}

/** Lint settings for one file, with the configuration they came from. */
export interface Resolution {
  settings: LintSettings;
  /** Folder of the configuration file; its `include` globs are relative to it. */
  configDir: string | undefined;
  /** Set when the nearest configuration is invalid; the settings are then the defaults. */
  error: ConfigError | undefined;
}

export function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

/** Finds and resolves the nearest configuration per folder, falling back to defaults when it is invalid. */
export class ConfigResolver {
  private readonly loader: ConfigLoader;
  private readonly byDirectory = new Map<string, Resolution>();
  private readonly defaults: Resolution = { settings: resolveSettings(undefined, '(defaults)'), configDir: undefined, error: undefined };

  constructor(private readonly fileSystem: FileSystem) {
    this.loader = new ConfigLoader(fileSystem);
  }

  /** Settings for a file on disk; a document with no file (untitled) gets the defaults. */
  forFile(file: string | undefined): Resolution {
    if (file === undefined) return this.defaults;
    const dir = path.dirname(file);
    let resolution = this.byDirectory.get(dir);
    if (!resolution) {
      resolution = this.resolve(file);
      this.byDirectory.set(dir, resolution);
    }
    return resolution;
  }

  clear(): void {
    this.loader.clear();
    this.byDirectory.clear();
  }

  private resolve(file: string): Resolution {
    try {
      const loaded = this.loader.find(file);
      if (!loaded) return this.defaults;
      // Settings are shared by every folder under one configuration, so cached results stay comparable.
      const sibling = [...this.byDirectory.values()].find((r) => r.configDir === path.dirname(loaded.file) && !r.error);
      if (sibling) return sibling;
      return { settings: resolveSettings(loaded.config, loaded.file), configDir: path.dirname(loaded.file), error: undefined };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const include = salvageInclude(error.file, this.fileSystem);
      return { settings: { ...this.defaults.settings, include }, configDir: path.dirname(error.file), error };
    }
  }
}

/** Check one configuration file as it is on disk: the error, or undefined when it is valid or gone. */
export function validateConfigFile(file: string, fileSystem: FileSystem): ConfigError | undefined {
  const text = fileSystem.readFile(file);
  if (text === undefined) return undefined;
  try {
    const config = parseConfigText(file, text);
    if (config) resolveSettings(config, file);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}
