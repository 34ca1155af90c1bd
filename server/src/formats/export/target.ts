import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { GENERATOR, GENERATOR_PROPERTY } from './docx';

/** The file cannot be written where asked; nothing was written. */
export class TargetError extends Error {}

/** A document larger than this was not written by an export of a report (and is not read to find out). */
const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

/**
 * Whether a file was written by an earlier export: a web page whose generator is audit-lint, or a
 * Word document whose custom property says so. Such a file may be replaced without --force.
 */
export function isPreviousExport(file: string): boolean {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_EXPORT_BYTES) return false;
    bytes = fs.readFileSync(file);
  } catch {
    return false;
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const files = unzipSync(bytes, { filter: (entry) => entry.name === 'docProps/custom.xml' && entry.originalSize < 1024 * 1024 });
      const custom = files['docProps/custom.xml'];
      return custom !== undefined && new RegExp(`name="${GENERATOR_PROPERTY}"><vt:lpwstr>${GENERATOR} `).test(strFromU8(custom));
    } catch {
      return false;
    }
  }
  const head = bytes.subarray(0, 4096).toString('utf8');
  return new RegExp(`<meta name="generator" content="${GENERATOR} `).test(head);
}

/**
 * Write an exported document: refused over a file that an export did not write unless forced, and
 * never over the report itself. Written to a temporary file beside the target and renamed over it,
 * so a reader never sees half a document and a failure leaves the old file as it was.
 */
export function writeExport(target: string, data: Uint8Array, options: { force: boolean; source: string }): void {
  if (path.resolve(target) === path.resolve(options.source) || sameFile(target, options.source)) {
    throw new TargetError('is the report itself; choose another file with -o');
  }
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new TargetError('is a folder');
  if (existing && !options.force && !isPreviousExport(target)) {
    throw new TargetError('already exists and was not written by audit-lint export; use --force to replace it');
  }
  const failure = replaceAtomically(target, data);
  if (failure) throw new TargetError(`cannot be written (${failure})`);
}

/**
 * Writes a file through a temporary one beside it, renamed over it, so a reader never sees half of
 * it and a failure leaves the old file as it was. Returns why it could not be written, if it could not.
 */
export function replaceAtomically(target: string, data: Uint8Array): string | undefined {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.audit-lint.tmp`);
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, target);
    return undefined;
  } catch (error) {
    // Only remove a temporary file this call created: 'wx' refuses one that was already there.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') fs.rmSync(temp, { force: true });
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

/** Two paths that name one file (a link, another spelling of the path). */
export function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}
