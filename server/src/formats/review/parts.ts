import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { DocxError } from '../docx/errors';
import { ZIP_LIMITS } from '../docx/limits';

/**
 * The parts of a Word package as bytes, in the order the zip holds them, read with the same limits
 * as the Word reader and written back with fflate: parts that are not replaced are written with the
 * very bytes they had, each compressed as it was (stored or deflated).
 */
export class PackageParts {
  private readonly parts = new Map<string, { bytes: Uint8Array; stored: boolean }>();

  constructor(zip: Uint8Array) {
    let total = 0;
    let count = 0;
    const tooLarge = () => new DocxError('too-large', `would unpack to more than ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024} MB (a zip bomb or not a real document); it was not opened`);
    let unzipped: Record<string, Uint8Array>;
    const stored = new Set<string>();
    try {
      unzipped = unzipSync(zip, {
        filter: (entry) => {
          total += entry.originalSize;
          if (++count > ZIP_LIMITS.maxEntries) throw new DocxError('too-large', `has more than the ${ZIP_LIMITS.maxEntries} parts a Word document needs; it was not opened`);
          if (entry.originalSize > ZIP_LIMITS.maxEntryUncompressed || total > ZIP_LIMITS.maxTotalUncompressed) throw tooLarge();
          if (entry.size > 0 && entry.originalSize / entry.size > ZIP_LIMITS.maxRatio) throw tooLarge();
          if (entry.compression === 0) stored.add(entry.name);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof DocxError) throw error;
      throw new DocxError('corrupt', 'is a damaged ZIP file; open it in Word and save it again');
    }
    for (const [name, bytes] of Object.entries(unzipped)) this.parts.set(name, { bytes, stored: stored.has(name) });
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.parts.get(name)?.bytes;
  }

  /** A part's text without a byte-order mark, as the Word reader reads it. */
  text(name: string): string | undefined {
    const part = this.parts.get(name);
    return part && strFromU8(part.bytes).replace(/^\uFEFF/, '');
  }

  /** Replace or add a part; a byte-order mark the part had is kept. */
  setText(name: string, text: string): void {
    const old = this.parts.get(name);
    const bom = old !== undefined && old.bytes[0] === 0xef && old.bytes[1] === 0xbb && old.bytes[2] === 0xbf;
    this.parts.set(name, { bytes: strToU8(bom ? `\uFEFF${text}` : text), stored: old?.stored ?? false });
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  toZip(date: Date): Uint8Array {
    const files: Zippable = {};
    for (const [name, part] of this.parts) files[name] = [part.bytes, { level: part.stored ? 0 : 6 }];
    // Zip dates start in 1980.
    const mtime = date.getFullYear() < 1980 ? new Date(1980, 0, 1) : date;
    return zipSync(files, { mtime });
  }
}

/** `word/_rels/document.xml.rels` for `word/document.xml`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target, relative to its source part's folder, as a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}
