import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeDocument } from '../core/decode';
import type { LintSettings } from '../core/types';
import type * as Exporter from '../formats/export';
import { displayPath, UsageError } from './files';
import type { Io } from './main';
import { commandFailed } from './command-error';

/** The Word and web page writers are a bundle of their own (dist/export.js), loaded only to export. */
const EXPORTER = './export.js';

/**
 * `audit-lint export FILE.md --to docx|html [-o FILE] [--force] [--reference-docx FILE]`.
 * Exit 0 written; 1 refused for what the report holds (personal data, placeholders, images without
 * alt text: --force overrides); 2 usage, file or image errors. Nothing is written unless 0.
 */
export async function runExport(argv: string[], io: Io, settings: (config: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  try {
    return await exportFile(argv, io, settings);
  } catch (error) {
    return commandFailed(error, io.stderr);
  }
}

async function exportFile(argv: string[], io: Io, settings: (config: string | undefined) => { forFile(file: string): LintSettings }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean' },
      'reference-docx': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const exporter = require(EXPORTER) as typeof Exporter;
  // The format may be given by the output file's name alone: -o briefing.html.
  const to = (values.to ?? /\.(docx|html)$/i.exec(values.output ?? '')?.[1].toLowerCase()) as Exporter.ExportFormat | undefined;
  if (!to || !exporter.EXPORT_FORMATS.includes(to)) throw new UsageError(`export needs --to ${exporter.EXPORT_FORMATS.join('|')}${values.to ? `; got "${values.to}"` : ''}`);
  if (positionals.length !== 1) throw new UsageError('export takes one report: audit-lint export report.md --to docx');
  if (values['reference-docx'] !== undefined && to !== 'docx') throw new UsageError('--reference-docx is for --to docx');

  const file = path.resolve(io.cwd, positionals[0]);
  const shown = displayPath(file, io.cwd);
  const text = readText(file, shown);
  const referenceDocx = values['reference-docx'] === undefined ? undefined : readBytes(path.resolve(io.cwd, values['reference-docx']), values['reference-docx']);
  const target = path.resolve(io.cwd, values.output ?? file.replace(/(\.(md|markdown))?$/i, `.${to}`));
  const shownTarget = displayPath(target, io.cwd);

  let result: Exporter.ExportResult;
  try {
    result = await exporter.exportReport({ text, file, settings: settings(values.config).forFile(file), to, force: values.force, referenceDocx });
  } catch (error) {
    if (error instanceof exporter.ImageError) throw new UsageError(`${shown}: ${error.message}`);
    if (error instanceof exporter.ReferenceDocxError) throw new UsageError(`--reference-docx ${values['reference-docx']} ${error.message}`);
    throw error;
  }
  const list = (blockers: Exporter.Blocker[]) => blockers.map((b) => `  ${shown}:${b.line}:${b.column}  ${b.ruleId}  ${b.message}\n`).join('');
  if (!result.ok) {
    io.stderr.write(`audit-lint: ${shown} was not exported: ${result.blockers.length} ${result.blockers.length === 1 ? 'problem stops' : 'problems stop'} it being published (--force exports it anyway):\n${list(result.blockers)}`);
    return 1;
  }
  if (result.forced.length > 0) io.stderr.write(`audit-lint: exported with --force despite:\n${list(result.forced)}`);
  try {
    exporter.writeExport(target, result.data, { force: Boolean(values.force), source: file });
  } catch (error) {
    if (error instanceof exporter.TargetError) throw new UsageError(`${shownTarget} ${error.message}`);
    throw error;
  }
  io.stdout.write(`${shownTarget}\n`);
  return 0;
}

function readBytes(file: string, shown: string): Buffer {
  try {
    if (fs.statSync(file).isDirectory()) throw new UsageError(`${shown} is a folder, not a file`);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function readText(file: string, shown: string): string {
  const decoded = decodeDocument(readBytes(file, shown));
  if ('error' in decoded) throw new UsageError(`${shown} ${decoded.error}`);
  return decoded.text;
}
