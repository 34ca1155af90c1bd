import { inflateRawSync } from 'node:zlib';
import { DocxError } from './errors';
import { ZIP_LIMITS } from './limits';

/**
 * A zip reader that checks the whole central directory before inflating anything, so a zip bomb
 * is refused from its declared sizes, and inflates each entry with a hard cap on its output, so an
 * entry that lies about its size cannot grow past what it declared.
 */

export { ZIP_LIMITS } from './limits';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly bytes: Buffer) {
    const eocd = findEndOfCentralDirectory(bytes);
    const count = bytes.readUInt16LE(eocd + 10);
    const directorySize = bytes.readUInt32LE(eocd + 12);
    const directoryOffset = bytes.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new DocxError('corrupt', 'is a ZIP64 archive, which Word does not write; it may be damaged or crafted');
    if (count > ZIP_LIMITS.maxEntries) throw new DocxError('too-large', `has ${count} parts, more than the ${ZIP_LIMITS.maxEntries} a Word document needs; it was not opened`);
    if (directoryOffset + directorySize > bytes.length) throw new DocxError('corrupt', 'is a damaged ZIP file (its table of contents points past the end); open it in Word and save it again');
    let total = 0;
    let at = directoryOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new DocxError('corrupt', 'is a damaged ZIP file (its table of contents cannot be read); open it in Word and save it again');
      const flags = bytes.readUInt16LE(at + 8);
      const entry: Entry = {
        method: bytes.readUInt16LE(at + 10),
        compressedSize: bytes.readUInt32LE(at + 20),
        uncompressedSize: bytes.readUInt32LE(at + 24),
        localHeaderOffset: bytes.readUInt32LE(at + 42),
        encrypted: (flags & 1) === 1,
        name: '',
      };
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      entry.name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > ZIP_LIMITS.maxEntryUncompressed || total > ZIP_LIMITS.maxTotalUncompressed) {
        throw new DocxError('too-large', `would unpack to more than ${ZIP_LIMITS.maxTotalUncompressed / 1024 / 1024} MB (a zip bomb or not a real document); it was not opened`);
      }
      if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > ZIP_LIMITS.maxRatio) {
        throw new DocxError('too-large', `has a part "${entry.name}" compressed ${Math.round(entry.uncompressedSize / entry.compressedSize)} to 1, more than any real document (a zip bomb); it was not opened`);
      }
      this.entries.set(entry.name, entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  read(name: string): Buffer {
    const entry = this.entries.get(name);
    if (!entry) throw new DocxError('corrupt', `has no part "${name}"`);
    if (entry.encrypted) throw new DocxError('encrypted', 'is encrypted; remove the password in Word (File › Info › Protect Document) and try again');
    const at = entry.localHeaderOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new DocxError('corrupt', `is a damaged ZIP file (part "${name}" cannot be found); open it in Word and save it again`);
    const dataStart = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const data = this.bytes.subarray(dataStart, dataStart + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new DocxError('corrupt', `is a damaged ZIP file (part "${name}" is cut short)`);
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method !== 8) throw new DocxError('corrupt', `uses a compression method (${entry.method}) Word does not write`);
    try {
      // One byte more than declared: an entry that inflates beyond its declared size is refused, not truncated.
      const out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
      if (out.length !== entry.uncompressedSize) throw new Error('size differs from the table of contents');
      return out;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DocxError('corrupt', `is a damaged or crafted ZIP file: part "${name}" unpacks to more than its table of contents declares; it was not read`);
      }
      throw new DocxError('corrupt', `is a damaged ZIP file (part "${name}": ${(error as Error).message})`);
    }
  }

  text(name: string): string {
    return this.read(name).toString('utf8').replace(/^\uFEFF/, '');
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new DocxError('corrupt', 'is not a valid ZIP file (a .docx is one); it may be damaged or incomplete');
}
