import * as fs from 'node:fs';
import { ACTION_FORMATS, actionRows, renderActionTracker, type ActionFormat, type ActionRow } from '../core/action-tracker';
import { decodeDocument } from '../core/decode';
import { lint } from '../core/engine';
import type { LintSettings } from '../core/types';
import { deliverReport, displayPath, expandPaths, UsageError } from './files';
import type { Io } from './main';
import { isWordFile, readWordFile } from '../formats/docx/word-input';

/** `audit-lint actions [paths]`: the action tracker, one row per action across the reports. */
export async function runActions(
  options: { format?: string; output?: string },
  paths: string[],
  io: Io,
  settingsFor: (file: string) => LintSettings,
): Promise<number> {
  const format = (options.format ?? 'csv') as ActionFormat;
  if (!ACTION_FORMATS.includes(format)) throw new UsageError(`audit-lint actions: --format must be one of ${ACTION_FORMATS.join(', ')}; got "${options.format}"`);
  if (paths.length === 0) throw new UsageError('audit-lint actions: no files given. Try "audit-lint actions reports/".');
  const rows: ActionRow[] = [];
  let failed = false;
  for (const file of await expandPaths(paths, io.cwd)) {
    const shown = displayPath(file, io.cwd);
    let decoded;
    try {
      const bytes = fs.readFileSync(file);
      if (isWordFile(file)) {
        const read = await readWordFile(bytes);
        decoded = 'error' in read ? read : { text: read.input.reading.markdown };
      } else {
        decoded = decodeDocument(bytes);
      }
    } catch (error) {
      decoded = { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    if ('error' in decoded) {
      io.stderr.write(`audit-lint: ${shown}: ${decoded.error}\n`);
      failed = true;
      continue;
    }
    const settings = settingsFor(file);
    // No rule needs to run: the tracker reads the document model.
    const { model } = lint(decoded.text, settings, { only: [] });
    rows.push(...actionRows(shown, model, settings));
  }
  // Nothing half-written: a file that could not be read fails the whole run.
  if (failed) return 2;
  const report = renderActionTracker(format, rows);
  return deliverReport(report, options.output, io);
}
