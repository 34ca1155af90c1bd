import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigError } from '../core/config/validate';
import { lineRange, SOURCE } from './convert';
import type { ServerHost } from './host';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The 1-based line of a dotted key ("rules.smart-owner", "profiles.local.extends") in JSON or YAML text:
 * each part is looked for after the previous one. Undefined when the first part is not found.
 */
export function locateKey(text: string, file: string, key: string): number | undefined {
  const parts = key.split('.').map((part) => part.replace(/\[\d+\]$/, '')).filter(Boolean);
  if (path.basename(file) === 'package.json') parts.unshift('auditLint');
  let from = 0;
  let found: number | undefined;
  for (const part of parts) {
    const pattern = new RegExp(`(?:^|[\\s{,])(["']?)${escapeRegExp(part)}\\1\\s*:`, 'gm');
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) break;
    found = match.index + match[0].length;
    from = found;
  }
  return found === undefined ? undefined : text.slice(0, found).split(/\r\n|\r|\n/).length;
}

/** One diagnostic on each invalid configuration file, cleared when the file is valid again. */
export class ConfigDiagnostics {
  /** Message shown per configuration file path. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly connection: Connection, private readonly host: ServerHost) {}

  /** Show the error for its file, unless the same one is already shown. */
  show(error: ConfigError): void {
    const uri = this.host.uriOf(error.file);
    const message = `${error.key ? `"${error.key}": ` : ''}${error.expected}`;
    if (this.shown.get(error.file) === message) return;
    this.shown.set(error.file, message);
    const text = this.host.fileSystem.readFile(error.file) ?? '';
    const line = error.line ?? (error.key ? locateKey(text, error.file, error.key) : undefined) ?? 1;
    const document = TextDocument.create(uri, 'json', 0, text);
    const diagnostic: Diagnostic = {
      range: lineRange(document, line - 1),
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'config',
      message: `Invalid audit-lint configuration: ${message}. Reports under this folder are linted with the default settings until it is fixed.`,
    };
    this.connection.sendDiagnostics({ uri, diagnostics: [diagnostic] });
  }

  clear(file: string): void {
    if (!this.shown.delete(file)) return;
    this.connection.sendDiagnostics({ uri: this.host.uriOf(file), diagnostics: [] });
  }

  /** Files that currently show an error. */
  files(): string[] {
    return [...this.shown.keys()];
  }
}
