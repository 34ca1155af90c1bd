import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config/validate';
import { decodeDocument } from '../core/decode';
import { lint, type LintOptions } from '../core/engine';
import { summariseProgramme, type ProgrammeInput } from '../core/programme';
import { isIsoDay } from '../core/programme/dates';
import { readWrittenDate } from '../core/programme/report-date';
import type { LintSettings } from '../core/types';
import { isWordFile, readWordFile } from '../formats/docx/word-input';
import { programmeCsv, renderProgrammeHtml } from '../formats/summary';
import { displayPath, expandPaths, UsageError, writeReport } from './files';
import type { Io } from './main';

export const SUMMARY_FORMATS = ['html', 'json', 'csv'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** Today on this computer's calendar, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A report read for linting: its text (a Word document's converted Markdown) and what its file alone says. */
type ReadReport = { text: string; lintOptions?: LintOptions; propertyDate?: string } | { error: string };

async function readReport(file: string): Promise<ReadReport> {
  try {
    if (fs.statSync(file).isDirectory()) return { error: 'is a folder, not a file' };
    const bytes = fs.readFileSync(file);
    if (!isWordFile(file)) return decodeDocument(bytes);
    const read = await readWordFile(bytes);
    if ('error' in read) return read;
    return { text: read.input.reading.markdown, lintOptions: read.input.lintOptions, propertyDate: read.input.reading.propertyDate };
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/**
 * `audit-lint summary PATHS [--today YYYY-MM-DD] [--format html|json|csv] [-o FILE]`: the audit
 * programme at a glance. Exit 0 written; 2 for a usage error or a report that cannot be read, and
 * then nothing is written.
 */
export async function runSummary(argv: string[], io: Io, settings: (config: string | undefined, profile: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  try {
    return await summarise(argv, io, settings);
  } catch (error) {
    const known = error instanceof UsageError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`audit-lint: ${known ? '' : 'internal error: '}${(error as Error).message}\n`);
    if (!known) io.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

async function summarise(argv: string[], io: Io, settings: (config: string | undefined, profile: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      today: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const format = (values.format ?? 'html') as SummaryFormat;
  if (!SUMMARY_FORMATS.includes(format)) throw new UsageError(`summary: --format must be one of ${SUMMARY_FORMATS.join(', ')}; got "${values.format}"`);
  const today = values.today ?? localToday();
  if (!isIsoDay(today)) throw new UsageError(`summary: --today must be a date written YYYY-MM-DD, such as 2026-12-07; got "${values.today}"`);
  if (positionals.length === 0) throw new UsageError('summary: no reports given. Try "audit-lint summary reports/".');
  const resolver = settings(values.config, values.profile);

  const inputs: ProgrammeInput[] = [];
  let failed = false;
  for (const file of await expandPaths(positionals, io.cwd)) {
    const shown = displayPath(file, io.cwd);
    const read = await readReport(file);
    if ('error' in read) {
      io.stderr.write(`audit-lint: ${shown}: ${read.error}\n`);
      failed = true;
      continue;
    }
    const fileSettings = resolver.forFile(file);
    if (values.profile !== undefined && !fileSettings.profiles[values.profile]) {
      throw new UsageError(`--profile: unknown profile "${values.profile}"; known profiles: ${Object.keys(fileSettings.profiles).join(', ')}`);
    }
    const propertyDate = read.propertyDate === undefined ? null : readWrittenDate(read.propertyDate);
    inputs.push({ file: shown, result: lint(read.text, fileSettings, read.lintOptions), settings: fileSettings, propertyDate });
  }
  // A summary that silently left a report out would mislead: nothing is written.
  if (failed) return 2;

  const summary = summariseProgramme(inputs, { today });
  const output = format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : format === 'csv' ? programmeCsv(summary) : renderProgrammeHtml(summary);
  if (values.output === undefined) {
    io.stdout.write(output);
    return 0;
  }
  const problem = writeReport(path.resolve(io.cwd, values.output), output);
  if (problem) {
    io.stderr.write(`audit-lint: ${values.output}: ${problem}\n`);
    return 2;
  }
  return 0;
}
