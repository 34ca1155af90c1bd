import * as fs from 'node:fs';
import * as path from 'node:path';
import { replaceAtomically, sameFile } from '../export/target';
import { isReviewedCopy } from './index';

/** A reviewed copy larger than this is not read to find out whether audit-lint wrote it. */
const MAX_COPY_BYTES = 256 * 1024 * 1024;

/** The copy cannot be written where asked; nothing was written. Completes "draft.reviewed.docx …". */
export class CopyError extends Error {
  constructor(readonly kind: 'exists' | 'draft' | 'write', message: string) {
    super(message);
  }
}

/** draft.docx → draft.reviewed.docx (a .docm keeps its kind). */
export function reviewedName(draft: string): string {
  return draft.replace(/\.(\w+)$/, '.reviewed.$1');
}

/**
 * Write the reviewed copy through a temporary file beside it, renamed over it, so nobody sees half
 * a copy and a failure leaves what was there. An existing file is replaced only when it is a copy
 * audit-lint reviewed (and nobody has saved since), or with `force`; never the draft itself.
 */
export function writeReviewedCopy(target: string, data: Uint8Array, options: { force: boolean; draft: string }): void {
  if (path.resolve(target) === path.resolve(options.draft) || sameFile(target, options.draft)) {
    throw new CopyError('draft', 'is the draft itself; choose another name with -o');
  }
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new CopyError('write', 'is a folder');
  if (existing && !options.force && !(existing.isFile() && existing.size <= MAX_COPY_BYTES && isReviewedCopy(fs.readFileSync(target)))) {
    throw new CopyError('exists', 'already exists and is not a copy audit-lint reviewed (or it was saved since); use --force to replace it, or -o to choose another name');
  }
  const failure = replaceAtomically(target, data);
  if (failure) throw new CopyError('write', `cannot be written (${failure})`);
}

