import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, type Connection, type MessageWriter } from 'vscode-languageserver/node';
import { VERSION } from '../core/version';
import { describeError } from './guard';
import { OutputMessageWriter } from './outputWriter';
import { nodeHost } from './nodeHost';
import { startServer } from './server';
import { runServerLintWorker, WorkerLintRunner } from './workerLintRunner';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/**
 * The library reads a stream and writes with a writer given together (and still ends the process when
 * the stream ends, as with --stdio), though its types pair a stream only with a stream.
 */
const createOverStdio = createConnection as unknown as (features: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, writer: MessageWriter) => Connection;
const args = process.argv.slice(2);

if (runServerLintWorker()) {
  // This bundle, loaded again on the lint thread: it only lints.
} else if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (!args.some((arg) => TRANSPORTS.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.stderr.write('Usage: audit-lint-server --stdio | --node-ipc | --socket=PORT\nThe audit-lint language server; editors start it for you.\n');
  process.exitCode = 2;
} else {
  // Over stdio, messages are written by our own writer (a long report's diagnostics are written without
  // being made one string first); other transports are the library's.
  const connection = args.includes('--stdio') ? createOverStdio(ProposedFeatures.all, process.stdin, new OutputMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
  // With --stdio, anything written to stdout would corrupt the protocol: send it to the client's log.
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.debug = connection.console.log.bind(connection.console);
  console.dir = (value: unknown) => connection.console.log(inspect(value));
  console.table = (value: unknown) => connection.console.log(inspect(value));
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${describeError(reason)}`));
  startServer(connection, nodeHost, new WorkerLintRunner());
}
