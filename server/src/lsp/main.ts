import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { VERSION } from '../core/version';
import { describeError } from './guard';
import { nodeHost } from './nodeHost';
import { startServer } from './server';
import { runServerLintWorker, WorkerLintRunner } from './workerLintRunner';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (runServerLintWorker()) {
  // This bundle, loaded again on the lint thread: it only lints.
} else if (args.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
} else if (!args.some((arg) => TRANSPORTS.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.stderr.write('Usage: audit-lint-server --stdio | --node-ipc | --socket=PORT\nThe audit-lint language server; editors start it for you.\n');
  process.exitCode = 2;
} else {
  const connection = createConnection(ProposedFeatures.all);
  // With --stdio, anything written to stdout would corrupt the protocol: send it to the client's log.
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${describeError(reason)}`));
  startServer(connection, nodeHost, new WorkerLintRunner());
}
