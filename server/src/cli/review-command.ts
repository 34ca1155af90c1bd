import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { LintSettings, Severity } from '../core/types';
import { lintAndReview } from '../formats/review/word-file';
import { CopyError, reviewedName, writeReviewedCopy } from '../formats/review/write';
import { isWordFile } from '../formats/docx/word-input';
import { displayPath, UsageError } from './files';
import type { Io } from './main';
import { commandFailed } from './command-error';

const SEVERITIES: Severity[] = ['info', 'warning', 'error'];

/**
 * `audit-lint review draft.docx [-o FILE] [--force] [--author NAME] [--min-severity LEVEL]`: the
 * reviewer's copy, each problem a Word comment. Exit 0 no errors, 1 errors, 2 not reviewed (bad
 * input, a file in the way); nothing is written unless the copy is complete.
 */
export async function runReview(argv: string[], io: Io, settings: (config: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  try {
    return await reviewFile(argv, io, settings);
  } catch (error) {
    return commandFailed(error, io.stderr);
  }
}

async function reviewFile(argv: string[], io: Io, settings: (config: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      author: { type: 'string' },
      'min-severity': { type: 'string' },
      config: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('review takes one Word document: audit-lint review draft.docx');
  const minSeverity = values['min-severity'] as Severity | undefined;
  if (minSeverity !== undefined && !SEVERITIES.includes(minSeverity)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}; got "${minSeverity}"`);
  if (values.author !== undefined && values.author.trim() === '') throw new UsageError('--author needs a name');

  const source = path.resolve(io.cwd, positionals[0]);
  const shown = displayPath(source, io.cwd);
  if (!isWordFile(source)) throw new UsageError(`${shown} is not a Word document (.docx)`);
  const target = path.resolve(io.cwd, values.output ?? reviewedName(source));
  const shownTarget = displayPath(target, io.cwd);

  let bytes: Buffer;
  try {
    if (fs.statSync(source).isDirectory()) throw new UsageError(`${shown} is a folder, not a file`);
    bytes = fs.readFileSync(source);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const review = await lintAndReview(bytes, settings(values.config).forFile(source), { author: values.author, minSeverity });
  if ('error' in review) {
    io.stderr.write(`audit-lint: ${shown}: ${review.error}\n`);
    return 2;
  }
  try {
    writeReviewedCopy(target, review.outcome.bytes, { force: Boolean(values.force), draft: source });
  } catch (error) {
    if (error instanceof CopyError) throw new UsageError(`${shownTarget} ${error.message}`);
    throw error;
  }
  const { comments, onWords, replaced } = review.outcome;
  const placed = comments === onWords ? '' : `, ${comments - onWords} on a whole paragraph`;
  io.stderr.write(`audit-lint: ${shown}: ${comments} comment${comments === 1 ? '' : 's'}${placed}${replaced > 0 ? ` (${replaced} from an earlier review replaced)` : ''}\n`);
  for (const note of review.input.reading.damaged) io.stderr.write(`  ${note}\n`);
  io.stdout.write(`${shownTarget}\n`);
  return review.result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
