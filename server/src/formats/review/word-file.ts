import { lint, type LintResult } from '../../core/engine';
import type { LintSettings } from '../../core/types';
import { DocxError } from '../docx/errors';
import { readWordFile, type WordInput } from '../docx/word-input';
import { reviewWordDocument, type ReviewOptions, type ReviewOutcome } from './index';

export type WordFileReview = { outcome: ReviewOutcome; input: WordInput; result: LintResult } | { error: string };

/** Read a Word document, lint it as the command line does, and write the reviewed copy's bytes; or say why not. */
export async function lintAndReview(bytes: Uint8Array, settings: LintSettings, options: ReviewOptions = {}): Promise<WordFileReview> {
  const read = await readWordFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if ('error' in read) return read;
  const { input } = read;
  const result = lint(input.reading.markdown, settings, input.lintOptions);
  try {
    return { outcome: reviewWordDocument(bytes, { reading: input.reading, result }, options), input, result };
  } catch (error) {
    if (error instanceof DocxError) return { error: error.message };
    throw error;
  }
}
