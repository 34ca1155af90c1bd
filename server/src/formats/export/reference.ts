import { strFromU8, unzipSync } from 'fflate';

/** A reference document that cannot lend its styles. */
export class ReferenceDocxError extends Error {}

/** Styles larger than this are not a real styles part. */
const MAX_STYLES_BYTES = 8 * 1024 * 1024;

/**
 * The styles part (word/styles.xml) of a partnership's own .docx, as pandoc's --reference-doc takes
 * it: headings, body text, lists and tables then look as in the partnership's template. Only that
 * part is unpacked, and only up to a size, so a zip bomb costs nothing.
 */
export function readReferenceStyles(bytes: Uint8Array): string {
  let styles: Uint8Array | undefined;
  let tooLarge = false;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name !== 'word/styles.xml') return false;
        tooLarge = file.originalSize > MAX_STYLES_BYTES;
        return !tooLarge;
      },
    });
    styles = files['word/styles.xml'];
  } catch {
    throw new ReferenceDocxError('is not a Word document (.docx): it cannot be opened as one');
  }
  if (tooLarge) throw new ReferenceDocxError(`has a styles part larger than ${MAX_STYLES_BYTES / 1024 / 1024} MB`);
  if (!styles) throw new ReferenceDocxError('has no styles (word/styles.xml); save it from Word as a .docx and try again');
  const xml = strFromU8(styles);
  if (!/<w:styles\b/.test(xml)) throw new ReferenceDocxError('has a styles part that is not Word styles');
  return xml;
}
