import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { ConfigLoader, type LoadedConfig } from '../core/config/load';
import { resolveSettings, type SettingsOverrides } from '../core/config/settings';
import { ConfigError, SEVERITIES } from '../core/config/validate';
import { decodeDocument } from '../core/decode';
import { lint, type LintResult } from '../core/engine';
import { applyFixes, isInsertOnly } from '../core/fix';
import { ruleIds } from '../core/rules';
import type { Finding, LintSettings, SeverityOrOff } from '../core/types';
import { VERSION } from '../core/version';
import { HELP } from './help';
import { displayPath, expandPaths, namesFolderOrGlob, ReportFile, UsageError, writeAtomically } from './files';
import { addToSummary, FORMATS, reported, reportStream, type FileResult, type Format, type Summary } from './formatters';
import { runRules } from './rules-command';
import { runInit } from './init-command';
import { runActions } from './actions-command';
import { runImport } from './import-command';
import { runExport } from './export-command';
import { runSummary } from './summary-command';
import { programmeEntry } from '../core/programme';
import { readWrittenDate } from '../core/programme/report-date';
import { runReview } from './review-command';
import { lintFiles, LintThreads, runLintWorker, type FileOutcome, type LintJob } from './parallel';
import { findingSource, isWordFile, readWordFile } from '../formats/docx/word-input';

export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readStdin(): Promise<string>;
}

const MAX_FIX_ROUNDS = 5;
const PROGRESS_THRESHOLD = 50;

class Reporter {
  failed = false;
  constructor(private readonly io: Io) {}
  fileError(file: string, message: string): void {
    this.failed = true;
    this.io.stderr.write(`audit-lint: ${file}: ${message}\n`);
  }
  warn(message: string): void {
    this.io.stderr.write(`audit-lint: ${message}\n`);
  }
}

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      config: { type: 'string' },
      profile: { type: 'string' },
      rule: { type: 'string', multiple: true },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      debug: { type: 'boolean' },
      version: { type: 'boolean', short: 'v' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function parseRuleOverrides(values: string[] | undefined): Record<string, SeverityOrOff> {
  const result: Record<string, SeverityOrOff> = {};
  for (const value of values ?? []) {
    const match = /^([a-z-]+)=([a-z]+)$/.exec(value);
    if (!match) throw new UsageError(`--rule expects ID=SEVERITY, e.g. --rule readability=off; got "${value}"`);
    if (!ruleIds.has(match[1])) throw new UsageError(`--rule: unknown rule "${match[1]}"; run "audit-lint rules" for the list`);
    if (!SEVERITIES.includes(match[2] as SeverityOrOff)) throw new UsageError(`--rule ${match[1]}: severity must be one of ${SEVERITIES.join(', ')}, got "${match[2]}"`);
    result[match[1]] = match[2] as SeverityOrOff;
  }
  return result;
}

/** Settings for a file: from --config, else the nearest configuration file, else defaults. Cached per configuration file. */
export class SettingsResolver {
  private readonly loader: ConfigLoader;
  private readonly cache = new Map<string, LintSettings>();
  private readonly explicit: LoadedConfig | undefined;

  constructor(configPath: string | undefined, cwd: string, private readonly overrides: SettingsOverrides) {
    this.loader = new ConfigLoader({
      readFile(file) {
        try {
          return fs.readFileSync(file, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
          throw error;
        }
      },
    });
    this.explicit = configPath ? this.loader.load(path.resolve(cwd, configPath)) : undefined;
  }

  forFile(file: string): LintSettings {
    const loaded = this.explicit ?? this.loader.find(file);
    const key = loaded?.file ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = resolveSettings(loaded?.config, loaded?.file ?? '(defaults)', this.overrides);
      this.cache.set(key, settings);
    }
    return settings;
  }
}

/** Lints one file of a job, on whichever thread runs it; nothing is written to the terminal here. */
function fileLinter(job: LintJob): (file: string) => Promise<FileOutcome> {
  const resolver = new SettingsResolver(job.config, job.cwd, { profile: job.profile, rules: job.rules });
  return async (file) => {
    const shown = displayPath(file, job.cwd);
    const outcome: FileOutcome = { messages: [], fixable: 0 };
    try {
      const settings = resolver.forFile(file);
      if (job.profile !== undefined && !settings.profiles[job.profile]) {
        throw new UsageError(`--profile: unknown profile "${job.profile}"; known profiles: ${Object.keys(settings.profiles).join(', ')}`);
      }
      let bytes: Buffer;
      try {
        const stat = fs.statSync(file);
        if (stat.isDirectory()) {
          outcome.messages.push({ file: shown, text: 'is a folder, not a file' });
          return outcome;
        }
        bytes = fs.readFileSync(file);
      } catch (error) {
        outcome.messages.push({ file: shown, text: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        return outcome;
      }
      if (isWordFile(file)) return await lintWordFile(shown, bytes, settings, job, outcome);
      const decoded = decodeDocument(bytes);
      if ('error' in decoded) {
        outcome.messages.push({ file: shown, text: decoded.error });
        return outcome;
      }
      let text = decoded.text;
      if (job.fix || job.fixDryRun) {
        const fixed = fixText(text, settings);
        if (fixed !== text) {
          if (job.fixDryRun) {
            outcome.diff = createTwoFilesPatch(shown, shown, text, fixed);
          } else {
            try {
              writeAtomically(file, bytes, fixed);
              text = fixed;
            } catch (error) {
              outcome.messages.push({ file: shown, text: (error as Error).message });
            }
          }
        }
      }
      const result = lint(text, settings);
      for (const failure of result.failures) outcome.messages.push({ text: `${shown}: rule ${failure.ruleId} failed: ${failure.message}` });
      if (job.summaryDay !== undefined) {
        outcome.programme = programmeEntry({ file: shown, result, settings }, job.summaryDay);
        return outcome;
      }
      outcome.fixable = insertFixes(result).length;
      outcome.result = { file: shown, profile: result.profile, findings: result.findings.map(reported) };
    } catch (error) {
      if (error instanceof UsageError || error instanceof ConfigError) {
        outcome.abort = { message: error.message };
      } else {
        // A fault in linting one file is that file's error: the rest of the run goes on.
        outcome.messages.push({ file: shown, text: `could not be linted (internal error: ${(error as Error).message})`, stack: (error as Error).stack });
      }
    }
    return outcome;
  };
}

/** A Word document is linted as the Markdown `import` writes; it is never written to. */
async function lintWordFile(shown: string, bytes: Buffer, settings: LintSettings, job: LintJob, outcome: FileOutcome): Promise<FileOutcome> {
  const read = await readWordFile(bytes);
  if ('error' in read) {
    outcome.messages.push({ file: shown, text: read.error });
    return outcome;
  }
  const { input } = read;
  if (input.reading.macros) outcome.messages.push({ text: `${shown}: has macros; they were ignored (never run) and its text was linted` });
  for (const note of input.reading.damaged) outcome.messages.push({ text: `${shown}: ${note}` });
  if (job.fix || job.fixDryRun) outcome.messages.push({ text: `${shown}: --fix does not change Word documents; run "audit-lint import" to work on it as Markdown` });
  const result = lint(input.reading.markdown, settings, input.lintOptions);
  for (const failure of result.failures) outcome.messages.push({ text: `${shown}: rule ${failure.ruleId} failed: ${failure.message}` });
  if (job.summaryDay !== undefined) {
    const propertyDate = input.reading.propertyDate === undefined ? null : readWrittenDate(input.reading.propertyDate);
    outcome.programme = programmeEntry({ file: shown, result, settings, propertyDate }, job.summaryDay);
    return outcome;
  }
  outcome.result = {
    file: shown,
    profile: result.profile,
    findings: result.findings.map((f) => ({ ...reported(f), source: findingSource(f, input, result.model) })),
  };
  return outcome;
}

function insertFixes(result: LintResult): Finding['fixes'] {
  return result.findings.flatMap((f) => f.fixes.filter(isInsertOnly).slice(0, 1));
}

/** Apply insert-only fixes until none is left (bounded), returning the final text. */
function fixText(text: string, settings: LintSettings): string {
  let current = text;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const fixes = insertFixes(lint(current, settings));
    if (fixes.length === 0) break;
    const outcome = applyFixes(current, fixes);
    if (outcome.applied.length === 0) break;
    current = outcome.text;
  }
  return current;
}

function keep<F extends { severity: Finding['severity'] }>(findings: F[], quiet: boolean | undefined): F[] {
  return quiet ? findings.filter((f) => f.severity === 'error') : findings;
}

async function runLint(values: ReturnType<typeof parseCli>['values'], positionals: string[], io: Io): Promise<number> {
  const formatName = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(formatName)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}"`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (values.stdin && values.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the changes');
  if (values.stdin && positionals.length > 0) throw new UsageError('give either --stdin or paths, not both');
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number; got "${values['max-warnings']}"`);
    maxWarnings = Number(values['max-warnings']);
  }
  const overrides: SettingsOverrides = { profile: values.profile, rules: parseRuleOverrides(values.rule) };
  const resolver = new SettingsResolver(values.config, io.cwd, overrides);
  const checkProfile = (settings: LintSettings) => {
    if (values.profile !== undefined && !settings.profiles[values.profile]) {
      throw new UsageError(`--profile: unknown profile "${values.profile}"; known profiles: ${Object.keys(settings.profiles).join(', ')}`);
    }
  };

  const reporter = new Reporter(io);
  const dryRun = Boolean(values['fix-dry-run']);
  const toFile = values.output !== undefined;
  const colour = !toFile && Boolean(io.stdout.isTTY) && !('NO_COLOR' in process.env);
  const stream = reportStream(formatName, { version: VERSION, colour });
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let fixable = 0;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) io.stderr.write('\r\x1b[K');
    progressShown = false;
  };
  // Opened once the settings are known to be good, so a configuration error writes nothing.
  let reportFile: ReportFile | undefined;
  const write = (text: string) => {
    if (text.length === 0) return;
    if (reportFile) return reportFile.write(text);
    clearProgress();
    io.stdout.write(text);
  };
  const begin = () => {
    if (toFile) reportFile = new ReportFile(path.resolve(io.cwd, values.output!));
    if (!dryRun) write(stream.start());
  };
  // Each file's part of the report is written as soon as the files before it are done.
  const add = (result: FileResult) => {
    const kept = { ...result, findings: keep(result.findings, values.quiet) };
    addToSummary(summary, kept);
    if (!dryRun) write(stream.file(kept));
  };

  const lintPaths = async (threads: LintThreads): Promise<void> => {
    const files = await expandPaths(positionals, io.cwd);
    for (const file of files) checkProfile(resolver.forFile(file));
    const showProgress = Boolean(io.stderr.isTTY) && files.length > PROGRESS_THRESHOLD;
    let lastProgress = 0;
    const job: LintJob = {
      cwd: io.cwd,
      files,
      config: values.config,
      profile: values.profile,
      rules: overrides.rules ?? {},
      fix: Boolean(values.fix),
      fixDryRun: dryRun,
    };
    begin();
    let aborted: string | undefined;
    await lintFiles(job, fileLinter, (outcome) => {
      if (aborted !== undefined) return;
      if (outcome.messages.length > 0) clearProgress();
      for (const message of outcome.messages) {
        if (message.file !== undefined) reporter.fileError(message.file, message.text);
        else reporter.warn(message.text);
        if (values.debug && message.stack) io.stderr.write(`${message.stack}\n`);
      }
      if (outcome.abort) {
        aborted = outcome.abort.message;
        return;
      }
      if (outcome.diff) write(outcome.diff);
      fixable += outcome.fixable;
      if (outcome.result) add(outcome.result);
    }, (done) => {
      if (showProgress && Date.now() - lastProgress > 100) {
        io.stderr.write(`\rlinting ${done}/${files.length}`);
        progressShown = true;
        lastProgress = Date.now();
      }
    }, threads);
    clearProgress();
    if (aborted !== undefined) throw new UsageError(aborted);
  };

  try {
    if (values.stdin) {
      const name = values['stdin-filename'] ?? '<stdin>';
      const settings = resolver.forFile(path.resolve(io.cwd, values['stdin-filename'] ?? 'stdin.md'));
      checkProfile(settings);
      const text = await io.readStdin();
      const result = lint(text, settings);
      begin();
      if (dryRun) {
        const fixed = fixText(text, settings);
        if (fixed !== text) write(createTwoFilesPatch(name, name, text, fixed));
      }
      fixable += insertFixes(result).length;
      add({ file: name === '<stdin>' ? name : displayPath(path.resolve(io.cwd, name), io.cwd), profile: result.profile, findings: result.findings.map(reported) });
    } else {
      if (positionals.length === 0) throw new UsageError('no files given. Try "audit-lint reports/" or "audit-lint --help".');
      const threads = new LintThreads();
      // A folder or glob may hold many files: a second thread starts loading while they are found.
      if (!values.fix && !dryRun && namesFolderOrGlob(positionals, io.cwd)) threads.startEarly();
      try {
        await lintPaths(threads);
      } finally {
        threads.end();
      }
    }
    if (!dryRun) write(stream.end(summary, values.fix ? 0 : fixable));
  } catch (error) {
    reportFile?.discard();
    throw error;
  }
  const problem = reportFile?.finish();
  if (problem) reporter.fileError(values.output!, problem);
  if (reporter.failed) return 2;
  if (summary.errors > 0) return 1;
  if (summary.warnings > maxWarnings) {
    io.stderr.write(`audit-lint: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  // export has options of its own (--to, -o, --force, --reference-docx).
  if (argv[0] === 'export') return runExport(argv.slice(1), io, (config) => new SettingsResolver(config, io.cwd, {}));
  // summary has options of its own (--today).
  if (argv[0] === 'summary') return runSummary(argv.slice(1), io, fileLinter);
  // review has options of its own (--author, --min-severity).
  if (argv[0] === 'review') return runReview(argv.slice(1), io, (config) => new SettingsResolver(config, io.cwd, {}));
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    io.stderr.write(`audit-lint: ${(error as Error).message}\nRun "audit-lint --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const [command, ...rest] = positionals;
    // A folder named like a command is linted as "./rules".
    if (command === 'rules') return runRules(values.format, io);
    if (command === 'init') return runInit(io);
    if (command === 'import') {
      const resolver = new SettingsResolver(values.config, io.cwd, { profile: values.profile });
      return await runImport(values, rest, io, (file) => resolver.forFile(file));
    }
    if (command === 'actions') {
      const resolver = new SettingsResolver(values.config, io.cwd, { profile: values.profile });
      return await runActions(values, rest, io, (file) => resolver.forFile(file));
    }
    return await runLint(values, command === undefined ? [] : [command, ...rest], io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`audit-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`audit-lint: internal error: ${(error as Error).message}\n`);
    if (values.debug) io.stderr.write(`${(error as Error).stack}\n`);
    else io.stderr.write('Run again with --debug for details.\n');
    return 2;
  }
}

if (runLintWorker(fileLinter)) {
  // A worker thread of a parallel run: it has linted its share of the files.
} else if (require.main === module) {
  runFromCommandLine();
}

/** Run with this process's arguments and streams, setting its exit code. */
export function runFromCommandLine(): void {
  const io: Io = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const decoded = decodeDocument(Buffer.concat(chunks));
      if ('error' in decoded) throw new UsageError(`standard input ${decoded.error}`);
      return decoded.text;
    },
  };
  // A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere to go.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.stderr.write('audit-lint: standard output was closed before the whole report was written\n');
    process.exit(2);
  });
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
