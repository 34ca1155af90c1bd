// The language server in a web worker (VS Code for the Web). The same features as under Node; the
// configuration files come from the client, which reads them through the workspace file system.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import type { FileSystem } from '../core/config/load';
import { virtualPathOf, virtualUriOf, type ServerHost } from './host';
import { ConfigFilesNotification, type ConfigFileContent, type InitializationOptions } from './protocol';
import { startServer } from './server';

/** The worker's global scope, which receives and posts the messages. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const files = new Map<string, string>();
const fileSystem: FileSystem = { readFile: (file) => files.get(file) };

/** Store what the client sent; the paths of the files it names. */
function store(contents: readonly ConfigFileContent[]): string[] {
  const paths: string[] = [];
  for (const { uri, text } of contents) {
    const file = virtualPathOf(uri);
    if (!file) continue;
    if (text === null) files.delete(file);
    else files.set(file, text);
    paths.push(file);
  }
  return paths;
}

const host: ServerHost = {
  fileSystem,
  pathOf: virtualPathOf,
  uriOf: virtualUriOf,
  initialize(options) {
    const contents = (options as InitializationOptions | null | undefined)?.configFiles;
    if (Array.isArray(contents)) store(contents);
  },
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const server = startServer(connection, host);
connection.onNotification(ConfigFilesNotification.method, (params: { files?: ConfigFileContent[] }) => {
  const changed = store(params?.files ?? []);
  if (changed.length > 0) server.configurationChanged(changed);
});
