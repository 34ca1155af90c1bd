import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../core/engine';
import type { LintSettings } from '../core/types';
import { withProfile } from '../formats/docx';
import { displayPath, UsageError, writeReport } from './files';
import type { Io } from './main';
import { findingSource, isWordFile, readWordFile } from '../formats/docx/word-input';

/**
 * `audit-lint import draft.docx [-o report.md] [--force]`: the Word document as a Markdown audit
 * report, with front matter; what the conversion lost, and personal data hidden in the file, on
 * standard error. Nothing is written when the document cannot be read or the target exists.
 */
export async function runImport(
  options: { output?: string; force?: boolean },
  paths: string[],
  io: Io,
  settingsFor: (file: string) => LintSettings,
): Promise<number> {
  if (paths.length !== 1) throw new UsageError('give one Word document, e.g. "audit-lint import draft.docx -o report.md"');
  const source = path.resolve(io.cwd, paths[0]);
  const shown = displayPath(source, io.cwd);
  if (!isWordFile(source)) throw new UsageError(`${shown} is not a Word document (.docx)`);
  const toStdout = options.output === '-';
  const target = toStdout ? undefined : path.resolve(io.cwd, options.output ?? source.replace(/\.\w+$/, '.md'));
  if (target === source) throw new UsageError('the Markdown cannot replace the Word document; choose another name with -o');
  if (target && fs.existsSync(target) && !options.force) {
    throw new UsageError(`${displayPath(target, io.cwd)} already exists; use --force to replace it, or -o to choose another name`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(source);
  } catch (error) {
    io.stderr.write(`audit-lint: ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
    return 2;
  }
  const read = await readWordFile(bytes);
  if ('error' in read) {
    io.stderr.write(`audit-lint: ${shown}: ${read.error}\n`);
    return 2;
  }
  const { reading } = read.input;
  const settings = settingsFor(target ?? source);
  // The profile is written down as the linter would guess it, so the report says what it is.
  const { profile, findings, model } = lint(reading.markdown, settings, { ...read.input.lintOptions, only: ['anonymisation'] });
  const markdown = withProfile(reading, profile);
  if (target) {
    const problem = writeReport(target, markdown);
    if (problem) {
      io.stderr.write(`audit-lint: ${displayPath(target, io.cwd)}: ${problem}\n`);
      return 2;
    }
    io.stderr.write(`audit-lint: wrote ${displayPath(target, io.cwd)} (profile ${profile})\n`);
  } else {
    io.stdout.write(markdown);
  }
  for (const note of reading.lossy) io.stderr.write(`  not converted: ${note}\n`);
  const leaks = findings.filter((f) => typeof f.data.hidden === 'number');
  for (const finding of leaks) {
    const where = findingSource(finding, read.input, model);
    io.stderr.write(`  hidden in the Word file${where.paragraph ? ` (¶${where.paragraph})` : ''}: ${finding.message}\n`);
  }
  return 0;
}
