import * as path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { builtInProfiles } from '../model/profiles';
import { ruleMetaById } from '../rules';
import { ConfigError, validateConfig, type ConfigFile } from './validate';

/** File access the core needs; the CLI passes node:fs, the server its own. */
export interface FileSystem {
  /** The file's text, or undefined when it does not exist. Other failures throw. */
  readFile(file: string): string | undefined;
}

export const CONFIG_FILE_NAMES = ['.auditlintrc.json', '.auditlintrc.yaml', '.auditlintrc.yml', 'package.json'];

export interface LoadedConfig {
  file: string;
  config: ConfigFile;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Parse and validate one configuration file's text; throws ConfigError. */
export function parseConfigText(file: string, text: string): ConfigFile | undefined {
  let raw: unknown;
  const base = path.basename(file);
  const body = text.replace(/^\uFEFF/, '');
  if (base.endsWith('.yaml') || base.endsWith('.yml')) {
    try {
      raw = parseYaml(body) ?? {};
    } catch (error) {
      const line = error instanceof YAMLParseError ? error.linePos?.[0].line : undefined;
      throw new ConfigError(file, '', `not valid YAML: ${(error as Error).message.split('\n')[0]}`, line);
    }
  } else {
    try {
      raw = JSON.parse(body);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      throw new ConfigError(file, '', `not valid JSON: ${(error as Error).message}`, position ? lineOf(body, Number(position)) : undefined);
    }
    if (base === 'package.json') {
      const section = (raw as Record<string, unknown> | null)?.auditLint;
      if (section === undefined) return undefined;
      raw = section;
    }
  }
  return validateConfig(raw, file, ruleMetaById, Object.keys(builtInProfiles));
}

/** Finds the nearest configuration for a file by walking up its folders, with a cache per folder. */
export class ConfigLoader {
  private readonly byDirectory = new Map<string, LoadedConfig | null>();

  constructor(private readonly fs: FileSystem, private readonly stopAt?: string) {}

  load(file: string): LoadedConfig {
    const text = this.fs.readFile(file);
    if (text === undefined) throw new ConfigError(file, '', 'file not found');
    const config = parseConfigText(file, text);
    if (!config) throw new ConfigError(file, 'auditLint', 'package.json has no "auditLint" key');
    return { file, config };
  }

  /** The nearest configuration above a file, or null. Throws ConfigError for an invalid one. */
  find(file: string): LoadedConfig | null {
    const visited: string[] = [];
    let dir = path.dirname(path.resolve(file));
    let found: LoadedConfig | null = null;
    for (;;) {
      const cached = this.byDirectory.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      found = this.readDirectory(dir);
      if (found) break;
      const parent = path.dirname(dir);
      if (parent === dir || dir === this.stopAt) break;
      dir = parent;
    }
    for (const d of visited) this.byDirectory.set(d, found);
    return found;
  }

  clear(): void {
    this.byDirectory.clear();
  }

  private readDirectory(dir: string): LoadedConfig | null {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      const text = this.fs.readFile(file);
      if (text === undefined) continue;
      const config = parseConfigText(file, text);
      if (config) return { file, config };
    }
    return null;
  }
}
