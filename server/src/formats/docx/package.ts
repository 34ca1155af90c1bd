import * as path from 'node:path';
import { DocxError } from './errors';
import { ZipArchive } from './zip';
import { attr, descendants, parseXml, type XmlElement } from './xml';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const WORD_TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const OTHER_KINDS: [RegExp, string][] = [
  [/spreadsheetml|ms-excel/, 'an Excel workbook'],
  [/presentationml|ms-powerpoint/, 'a PowerPoint presentation'],
];

/** An opened Word package: its parts by name, read and parsed on demand, each once. */
export class WordPackage {
  readonly mainPart: string;
  readonly macros: boolean;
  private readonly parsed = new Map<string, XmlElement | undefined>();
  private readonly texts = new Map<string, string>();
  private readonly leftOut = new Set<string>();

  constructor(readonly zip: ZipArchive) {
    if (!zip.has('[Content_Types].xml')) throw new DocxError('not-word', 'is a ZIP file but not a Word document (it has no [Content_Types].xml)');
    const types = this.xml('[Content_Types].xml')!;
    const overrides = descendants(types, 'Override').map((o) => ({ part: (attr(o, 'PartName') ?? '').replace(/^\//, ''), type: attr(o, 'ContentType') ?? '' }));
    const main = overrides.find((o) => o.type === WORD_MAIN || o.type === WORD_MACRO_MAIN || o.type === WORD_TEMPLATE_MAIN);
    if (!main) {
      const other = OTHER_KINDS.find(([pattern]) => overrides.some((o) => pattern.test(o.type)));
      throw new DocxError('not-word', other ? `is ${other[1]} with a .docx name, not a Word document` : 'is a ZIP file but not a Word document (no document body in [Content_Types].xml)');
    }
    if (!zip.has(main.part)) throw new DocxError('corrupt', `is damaged: its document body ${main.part} is missing`);
    this.mainPart = main.part;
    this.macros = main.type === WORD_MACRO_MAIN || zip.names().some((name) => /vbaProject\.bin$/i.test(name));
  }

  has(part: string): boolean {
    return this.zip.has(part) && !this.leftOut.has(part);
  }

  /** Read the package as if a (damaged) part were not there. */
  leaveOut(part: string): void {
    this.leftOut.add(part);
  }

  /** A part's text, unpacked once. */
  text(part: string): string {
    let text = this.texts.get(part);
    if (text === undefined) this.texts.set(part, (text = this.zip.text(part)));
    return text;
  }

  xml(part: string): XmlElement | undefined {
    if (!this.parsed.has(part)) this.parsed.set(part, this.has(part) ? parseXml(this.text(part), part) : undefined);
    return this.parsed.get(part);
  }

  /** Relationship targets of a part by type suffix ("comments", "header", "footer"), as part names. */
  related(part: string, type: string): string[] {
    const rels = this.xml(path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`));
    if (!rels) return [];
    return descendants(rels, 'Relationship')
      .filter((r) => (attr(r, 'Type') ?? '').endsWith(`/${type}`) && attr(r, 'TargetMode') !== 'External')
      .map((r) => {
        const target = attr(r, 'Target') ?? '';
        return target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target));
      });
  }
}

/** Open a .docx from its bytes, refusing what is not a Word document with a message for the user. */
export function openWordPackage(bytes: Buffer): WordPackage {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new DocxError(
      'legacy-or-encrypted',
      'is a legacy Word .doc file or a password-protected document (an OLE compound file, not a .docx). ' +
        'Remove any password, then open it in Word or LibreOffice and save it as .docx (Word Document)',
    );
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new DocxError('corrupt', 'is not a Word .docx document (a .docx is a ZIP file, and this is not one); it may be damaged, or another kind of file renamed');
  }
  return new WordPackage(new ZipArchive(bytes));
}
