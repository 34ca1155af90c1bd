import type { FileSystem } from '../core/config/load';

/**
 * What the server needs from where it runs: Node reads configuration from disk and knows documents
 * by their file paths; in a browser the client sends the configuration files and documents live
 * under other URI schemes.
 */
export interface ServerHost {
  /** Reads configuration files. */
  fileSystem: FileSystem;
  /** The path a document is known by for configuration lookup and globs; undefined when it has none (untitled). */
  pathOf(uri: string): string | undefined;
  /** The URI of a path that pathOf gave, to show a configuration file's problems on it. */
  uriOf(path: string): string;
  /** Called with the client's initialization options before anything is linted. */
  initialize?(options: unknown): void;
}

/**
 * Documents that are not files (VS Code for the Web: vscode-vfs:, vscode-remote: …) get a path
 * made of their scheme, authority and path, so configuration lookup and globs work on them as on
 * files: vscode-vfs://github/org/repo/a.md → /vscode-vfs/github/org/repo/a.md.
 */
export function virtualPathOf(uri: string): string | undefined {
  const match = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)(\/[^?#]*)?/.exec(uri);
  if (!match || match[1] === 'untitled') return undefined;
  try {
    return `/${match[1]}/${match[2] || '-'}${decodeURIComponent(match[3] ?? '/')}`;
  } catch {
    return undefined;
  }
}

export function virtualUriOf(path: string): string {
  const [, scheme, authority, rest] = /^\/([^/]+)\/([^/]*)(.*)$/.exec(path) ?? ['', 'file', '', path];
  return `${scheme}://${authority === '-' ? '' : authority}${rest.split('/').map(encodeURIComponent).join('/')}`;
}
