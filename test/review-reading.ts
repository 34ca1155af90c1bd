/**
 * Reading a reviewed copy back for tests: the comments with their anchored text, the document's
 * text, and its parts. Independent of the reviewer's own code: fflate to unzip, fast-xml-parser to
 * check that every XML part is well formed, regular expressions over the XML for the rest.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';

export interface ReadComment {
  id: string;
  author: string;
  initials: string;
  date: string;
  /** The comment's paragraphs. */
  paragraphs: string[];
  /** The document text between its range start and end (w:t only, as a reader shows it). */
  range: string | undefined;
  /** Whether a reference to it follows its range end. */
  referenced: boolean;
}

export function parts(docx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(docx);
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** Every w:t and w:delText of document.xml, in order: the author's text, which a review must not change. */
export function documentText(docx: Uint8Array): string {
  const xml = strFromU8(parts(docx)['word/document.xml']);
  return [...xml.matchAll(/<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>/g)].map((m) => decode(m[2])).join('');
}

/** The comments of a copy, in the order of the comments part. */
/** `textBoxes: false` leaves text boxes out of the ranges; `deletedText: true` puts tracked deletions in (as pandoc --track-changes=all shows them). */
export function readComments(docx: Uint8Array, options: { textBoxes?: boolean; deletedText?: boolean } = {}): ReadComment[] {
  const mainPart = 'word/document.xml';
  const files = parts(docx);
  const rels = strFromU8(files[mainPart.replace(/([^/]+)$/, '_rels/$1.rels')] ?? new Uint8Array());
  const target = /<Relationship [^>]*Type="[^"]*\/comments"[^>]*Target="([^"]+)"/.exec(rels)?.[1] ?? /<Relationship [^>]*Target="([^"]+)"[^>]*Type="[^"]*\/comments"/.exec(rels)?.[1];
  if (!target) return [];
  const comments = strFromU8(files[`word/${target}`]);
  const document = strFromU8(files[mainPart]);
  const ranges = new Map<string, string>();
  const ended = new Set<string>();
  const referenced = new Set<string>();
  const open = new Set<string>();
  // Text inside alternative content is read once, from its fallback, as Word shows it.
  let withoutChoices = document.replace(/<mc:Choice\b[\s\S]*?<\/mc:Choice>/g, '');
  if (options.textBoxes === false) withoutChoices = withoutChoices.replace(/<w:txbxContent>[\s\S]*?<\/w:txbxContent>/g, '');
  const text = options.deletedText ? '<w:(?:t|delText)(?:\\s[^>]*)?>([^<]*)<\\/w:(?:t|delText)>' : '<w:t(?:\\s[^>]*)?>([^<]*)<\\/w:t>';
  for (const m of withoutChoices.matchAll(new RegExp(`<w:commentRange(Start|End) w:id="(\\d+)"\\/>|<w:commentReference w:id="(\\d+)"\\/>|${text}`, 'g'))) {
    if (m[1] === 'Start') {
      open.add(m[2]);
      ranges.set(m[2], '');
    } else if (m[1] === 'End') {
      open.delete(m[2]);
      ended.add(m[2]);
    } else if (m[3] !== undefined) {
      if (ended.has(m[3])) referenced.add(m[3]);
    } else {
      for (const id of open) ranges.set(id, ranges.get(id)! + decode(m[4]));
    }
  }
  return [...comments.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const id = attr('w:id');
    const paragraphs = [...m[2].matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''));
    return { id, author: decode(attr('w:author')), initials: attr('w:initials'), date: attr('w:date'), paragraphs, range: ranges.get(id), referenced: referenced.has(id) };
  });
}

/** Names of XML parts that are not well formed. */
export function malformedParts(docx: Uint8Array): string[] {
  return Object.entries(parts(docx))
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .filter(([, bytes]) => XMLValidator.validate(strFromU8(bytes)) !== true)
    .map(([name]) => name);
}

/** Parts whose bytes differ between two packages, and parts only one has. */
export function changedParts(before: Uint8Array, after: Uint8Array): string[] {
  const a = parts(before);
  const b = parts(after);
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => !a[name] || !b[name] || Buffer.compare(Buffer.from(a[name]), Buffer.from(b[name])) !== 0).sort();
}
