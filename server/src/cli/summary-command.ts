import { parseArgs } from 'node:util';
import { combineProgramme, type ProgrammeEntry } from '../core/programme';
import { isIsoDay } from '../core/programme/dates';
import { programmeCsv, renderProgrammeHtml } from '../formats/summary';
import { deliverReport, expandPaths, UsageError } from './files';
import type { Io } from './main';
import { lintFiles, type FileLinter, type FileOutcome, type LintJob } from './parallel';
import { commandFailed } from './command-error';

const SUMMARY_FORMATS = ['html', 'json', 'csv'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** Today on this computer's calendar, as YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * `audit-lint summary PATHS [--today YYYY-MM-DD] [--format html|json|csv] [-o FILE]`: the audit
 * programme at a glance. Exit 0 written; 2 for a usage error or a report that cannot be read, and
 * then nothing is written.
 */
export async function runSummary(argv: string[], io: Io, linter: FileLinter): Promise<number> {
  try {
    return await summarise(argv, io, linter);
  } catch (error) {
    return commandFailed(error, io.stderr);
  }
}

async function summarise(argv: string[], io: Io, linter: FileLinter): Promise<number> {
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

  const files = await expandPaths(positionals, io.cwd);
  // Reports are linted as "audit-lint" lints them, on both cores when there are many.
  const job: LintJob = { cwd: io.cwd, files, config: values.config, profile: values.profile, rules: {}, fix: false, fixDryRun: false, summaryDay: today };
  const outcomes: FileOutcome[] = [];
  await lintFiles(job, linter, (outcome) => outcomes.push(outcome), () => {});
  const entries: ProgrammeEntry[] = [];
  let failed = false;
  for (const outcome of outcomes) {
    for (const message of outcome.messages) {
      io.stderr.write(`audit-lint: ${message.file === undefined ? '' : `${message.file}: `}${message.text}\n`);
      if (message.file !== undefined) failed = true;
    }
    if (outcome.abort) throw new UsageError(outcome.abort.message);
    if (outcome.programme) entries.push(outcome.programme);
  }
  // A summary that silently left a report out would mislead: nothing is written.
  if (failed) return 2;

  const summary = combineProgramme(entries, today);
  const output = format === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : format === 'csv' ? programmeCsv(summary) : renderProgrammeHtml(summary);
  return deliverReport(output, values.output, io);
}
