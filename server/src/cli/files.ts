import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Io } from './main';

export class UsageError extends Error {}

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];
/** What a folder means: its reports in Markdown and in Word. */
const FOLDER_FILES = ['**/*.md', '**/*.docx', '**/*.docm'];
/** Word's "owner file" beside an open document (~$draft.docx) is not a document. */
const WORD_LOCK_FILES = '**/~$*';

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Expand paths and globs into files: a folder means its **\/*.md and Word documents, a glob its matches, a file itself.
 * `.auditlintignore` in the working folder (gitignore syntax) removes files found by folders and globs.
 */
export async function expandPaths(args: string[], cwd: string): Promise<string[]> {
  const ignoreFile = path.join(cwd, '.auditlintignore');
  const ignorer = ignore();
  if (fs.existsSync(ignoreFile)) ignorer.add(fs.readFileSync(ignoreFile, 'utf8'));
  const isIgnored = (file: string) => {
    const relative = toPosix(path.relative(cwd, file));
    return !relative.startsWith('..') && relative !== '' && ignorer.ignores(relative);
  };

  const found = new Set<string>();
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch {
      // A link that loops or leads nowhere is still an entry the user named: reading it says why it fails.
      stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
    }
    if (stat?.isDirectory()) {
      const matches = await glob(FOLDER_FILES, { cwd: absolute, absolute: true, ignore: [...ALWAYS_IGNORED, WORD_LOCK_FILES], dot: false, followSymbolicLinks: false });
      for (const match of matches.sort()) if (!isIgnored(match)) found.add(path.normalize(match));
    } else if (stat) {
      found.add(absolute);
    } else if (isDynamicPattern(arg)) {
      const matches = await glob(toPosix(arg), { cwd, absolute: true, ignore: ALWAYS_IGNORED, followSymbolicLinks: false });
      if (matches.length === 0) throw new UsageError(`No files match "${arg}".`);
      for (const match of matches.sort()) if (!isIgnored(match)) found.add(path.normalize(match));
    } else {
      throw new UsageError(`No such file or folder: ${arg}`);
    }
  }
  return [...found];
}

/** Whether the paths name a folder or a glob, whose files may be many: known before they are searched. */
export function namesFolderOrGlob(args: string[], cwd: string): boolean {
  return args.some((arg) => {
    if (isDynamicPattern(arg)) return true;
    try {
      return fs.statSync(path.resolve(cwd, arg)).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Path shown to users and written in reports: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  if (file === '<stdin>') return file;
  const relative = path.relative(cwd, file);
  return toPosix(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

/**
 * Write next to the file and rename over it, keeping its permissions, so a reader never sees half
 * a file; refuse if the file changed since `original` was read. On any failure the file is left as
 * it was and no temporary file is left behind.
 */
export function writeAtomically(file: string, original: Buffer, text: string): void {
  const now = fs.readFileSync(file);
  if (!now.equals(original)) throw new Error('changed since it was read; not fixed (run again)');
  const { mode } = fs.statSync(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.audit-lint.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode, flag: 'wx' });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (error) {
    // Only remove a temporary file this call created: 'wx' refuses one that was already there.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temp, { force: true });
    throw new Error(`could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); left unchanged`);
  }
}

/** Write a report to --output through a temporary file, so a failed run never leaves half a report. Returns an error message, or undefined. */
export function writeReport(target: string, report: string): string | undefined {
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, report);
    fs.renameSync(temp, target);
    return undefined;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    return `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** A whole report to standard output, or to --output (from the working folder) at once: exit 0, or 2 when it cannot be written. */
export function deliverReport(report: string, output: string | undefined, io: Pick<Io, 'cwd' | 'stdout' | 'stderr'>): number {
  if (output === undefined) {
    io.stdout.write(report);
    return 0;
  }
  const problem = writeReport(path.resolve(io.cwd, output), report);
  if (problem) io.stderr.write(`audit-lint: ${output}: ${problem}\n`);
  return problem ? 2 : 0;
}

/**
 * A report written to --output a part at a time, into a temporary file renamed over the target
 * only when the run finishes, so a failed run never leaves half a report. The first failure is
 * kept and later writes are skipped; `finish` returns it as an error message.
 */
export class ReportFile {
  private readonly temp: string;
  private fd: number | undefined;
  private problem: string | undefined;

  constructor(private readonly target: string) {
    this.temp = `${target}.${process.pid}.tmp`;
    this.attempt(() => {
      this.fd = fs.openSync(this.temp, 'w');
    });
  }

  write(text: string): void {
    if (text.length > 0) this.attempt(() => fs.writeSync(this.fd!, text));
  }

  /** Put the report in place; returns an error message when it could not be written. */
  finish(): string | undefined {
    this.attempt(() => {
      this.close();
      fs.renameSync(this.temp, this.target);
    });
    return this.problem;
  }

  /** The run failed: leave the target as it was. */
  discard(): void {
    try {
      this.close();
    } finally {
      fs.rmSync(this.temp, { force: true });
    }
  }

  private close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) fs.closeSync(fd);
  }

  private attempt(step: () => void): void {
    if (this.problem) return;
    try {
      step();
    } catch (error) {
      this.problem = `cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      try {
        this.discard();
      } catch {
        // The first failure is the one reported; the target is untouched either way.
      }
    }
  }
}
