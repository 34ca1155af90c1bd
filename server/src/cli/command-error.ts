import { ConfigError } from '../core/config/validate';
import { UsageError } from './files';

/**
 * How a subcommand ends on an error it did not handle: exit 2, with the message alone for a wrong
 * command line, file or configuration, and as an internal error with its stack for anything else.
 */
export function commandFailed(error: unknown, stderr: NodeJS.WritableStream): number {
  const known = error instanceof UsageError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  stderr.write(`audit-lint: ${known ? '' : 'internal error: '}${(error as Error).message}\n`);
  if (!known) stderr.write(`${(error as Error).stack}\n`);
  return 2;
}
