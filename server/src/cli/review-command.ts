import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config/validate';
import type { LintSettings, Severity } from '../core/types';
import { isReviewedCopy } from '../formats/review';
import { lintAndReview } from '../formats/review/word-file';
import { isWordFile } from '../formats/docx/word-input';
import { displayPath, UsageError } from './files';
import type { Io } from './main';

const SEVERITIES: Severity[] = ['info', 'warning', 'error'];
/** A reviewed copy larger than this is not read to find out whether audit-lint wrote it. */
const MAX_COPY_BYTES = 256 * 1024 * 1024;

/**
 * `audit-lint review draft.docx [-o FILE] [--force] [--author NAME] [--min-severity LEVEL]`: the
 * reviewer's copy, each problem a Word comment. Exit 0 no errors, 1 errors, 2 not reviewed (bad
 * input, a file in the way); nothing is written unless the copy is complete.
 */
export async function runReview(argv: string[], io: Io, settings: (config: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  try {
    return await reviewFile(argv, io, settings);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`audit-lint: ${known ? '' : 'internal error: '}${(error as Error).message}\n`);
    if (!known) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
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
  if (target === source || sameFile(target, source)) throw new UsageError('the reviewed copy cannot replace the draft; choose another name with -o');

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
  const problem = writeCopy(target, review.outcome.bytes, Boolean(values.force));
  if (problem) throw new UsageError(`${shownTarget} ${problem}`);
  const { comments, onWords, replaced } = review.outcome;
  const placed = comments === onWords ? '' : `, ${comments - onWords} on a whole paragraph`;
  io.stderr.write(`audit-lint: ${shown}: ${comments} comment${comments === 1 ? '' : 's'}${placed}${replaced > 0 ? ` (${replaced} from an earlier review replaced)` : ''}\n`);
  for (const note of review.input.reading.lossy.filter((n) => /damaged|left out/i.test(n))) io.stderr.write(`  ${note}\n`);
  io.stdout.write(`${shownTarget}\n`);
  return review.result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** draft.docx → draft.reviewed.docx (a .docm keeps its kind). */
export function reviewedName(source: string): string {
  return source.replace(/\.(\w+)$/, '.reviewed.$1');
}

/**
 * Written to a temporary file beside the target and renamed over it, so nobody sees half a copy;
 * an existing file is replaced only when it is a copy audit-lint reviewed, or with --force.
 */
function writeCopy(target: string, data: Uint8Array, force: boolean): string | undefined {
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) return 'is a folder';
  if (existing && !force && !(existing.isFile() && existing.size <= MAX_COPY_BYTES && isReviewedCopy(fs.readFileSync(target)))) {
    return 'already exists and is not a copy audit-lint reviewed; use --force to replace it, or -o to choose another name';
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.audit-lint.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
    return undefined;
  } catch (error) {
    // Only remove a temporary file this call created: 'wx' refuses one that was already there.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temp, { force: true });
    return `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}
