import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileSystem } from '../core/config/load';
import type { ServerHost } from './host';

export const nodeFileSystem: FileSystem = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      throw error;
    }
  },
};

export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The server under Node: configuration from disk, documents on disk known by their paths. */
export const nodeHost: ServerHost = {
  fileSystem: nodeFileSystem,
  pathOf: filePathOf,
  uriOf: (file) => pathToFileURL(file).toString(),
};
