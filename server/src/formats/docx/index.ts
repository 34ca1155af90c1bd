import type { Nodes, Root as MdastRoot } from 'mdast';
import { parseDocument } from '../../core/chunks';
import { stringify as toYaml } from 'yaml';
import { scanBody, type BodyHidden, type WordParagraph } from './body';
import { convertToMdast, mdastToMarkdown } from './convert';
import { DocxError } from './errors';
import { customProperties, hiddenParts, propertyDate, propertyTitle } from './hidden';
import { Numbering } from './numbering';
import { openWordPackage } from './package';
import { Styles } from './styles';
import { child } from './xml';

export { DocxError } from './errors';
export type { WordParagraph } from './body';

/** Text a reader of the Word file can recover, where it is, and the Word paragraph it is attached to. */
export interface HiddenText {
  /** Completes a sentence: "in a comment", "in a tracked deletion", "in the document properties: author". */
  where: string;
  text: string;
  paragraph: number | undefined;
  /** An author or manager field: the whole value is a person's name when it looks like one. */
  personField: boolean;
}

/** Where each Word paragraph begins in the Markdown, in order of offset. */
export class ParagraphMap {
  constructor(
    readonly offsets: number[],
    readonly numbers: number[],
    readonly paragraphs: WordParagraph[],
  ) {}

  /** The Word paragraph holding a Markdown offset: the last one that starts at or before it. */
  paragraphAt(offset: number): WordParagraph | undefined {
    let low = 0;
    let high = this.offsets.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.offsets[mid] <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found < 0 ? undefined : this.paragraphs[this.numbers[found] - 1];
  }

  /** Markdown offset where a Word paragraph begins. */
  offsetOf(paragraph: number): number | undefined {
    const index = this.numbers.indexOf(paragraph);
    return index < 0 ? undefined : this.offsets[index];
  }
}

export interface DocxReading {
  /** The report as Markdown with front matter, as `audit-lint import` writes it (less a guessed profile). */
  markdown: string;
  /** The front matter: title, and profile and cases when the document's properties state them. */
  frontMatter: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  mdast: MdastRoot;
  /** The Markdown parsed as the engine parses it (pass it to lint as `parse` to parse once). */
  tree: MdastRoot;
  paragraphMap: ParagraphMap;
  hidden: HiddenText[];
  /** What the conversion left out or changed, one sentence each. */
  lossy: string[];
  /** The file is macro-enabled (.docm); macros are never run. */
  macros: boolean;
  /** The date in the document's properties, as written there (a custom "date", else when it was created). */
  propertyDate?: string;
}

const LEAF_BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

/**
 * Read a Word document (.docx, .docm) into the Markdown report audit-lint lints, with a map from
 * Markdown offsets to Word paragraphs and the hidden text the file carries. Throws DocxError with a
 * message for the user when the bytes are not a readable Word document.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const pkg = openWordPackage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  // mammoth parses some parts itself: none may declare entities (Word never does).
  for (const name of pkg.zip.names()) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const head = pkg.text(name);
    if (/<!(DOCTYPE|ENTITY)/i.test(head)) throw new DocxError('unsafe-xml', `declares XML entities in ${name}; Word never writes these, so the file may be crafted. It was not read`);
  }
  const styles = new Styles(pkg.xml(pkg.related(pkg.mainPart, 'styles')[0] ?? 'word/styles.xml'));
  const numbering = new Numbering(pkg.xml(pkg.related(pkg.mainPart, 'numbering')[0] ?? 'word/numbering.xml'), styles);
  const documentXml = pkg.text(pkg.mainPart);
  const root = pkg.xml(pkg.mainPart)!;
  const documentBody = child(child(root, 'w:document'), 'w:body');
  if (!documentBody) throw new DocxError('corrupt', `is damaged: ${pkg.mainPart} has no document body`);
  const scan = scanBody(documentXml, documentBody, styles, numbering);
  const converted = await convertToMdast(pkg, scan.markedXml, scan.styleMap, scan.paragraphs);

  const custom = customProperties(pkg);
  const front: Record<string, unknown> = {};
  const title = propertyTitle(pkg) ?? converted.titleText;
  if (title) front.title = title;
  if (custom.get('profile')) front.profile = custom.get('profile');
  const cases = Number(custom.get('cases'));
  if (Number.isInteger(cases) && cases > 0) front.cases = cases;
  const body = mdastToMarkdown(converted.mdast);
  const markdown = renderFrontMatter(front) + body;

  const tree = parseDocument(markdown);
  const paragraphMap = mapParagraphs(tree, converted.blockParagraphs, scan.paragraphs, title, converted.titleText);
  const hidden = [...scan.hidden, ...hiddenParts(pkg, scan.commentAnchors)].map((h: BodyHidden) => ({ ...h, personField: h.personField ?? false }));
  const lossy = lossyNotes(scan.lossy, converted.warnings, hidden, pkg.macros, markdown);
  return { markdown, frontMatter: front, body, mdast: converted.mdast, tree, paragraphMap, hidden, lossy, macros: pkg.macros, propertyDate: propertyDate(pkg) };
}

function renderFrontMatter(front: Record<string, unknown>): string {
  return Object.keys(front).length > 0 ? `---\n${toYaml(front, { lineWidth: 0 })}---\n\n` : '';
}

/** The Markdown with a profile in its front matter, unless the document stated one. */
export function withProfile(reading: DocxReading, profile: string): string {
  if (reading.frontMatter.profile !== undefined) return reading.markdown;
  const { title, ...rest } = reading.frontMatter;
  return renderFrontMatter({ ...(title === undefined ? {} : { title }), profile, ...rest }) + reading.body;
}

/**
 * Parse the Markdown as the engine will and pair its leaf blocks, in order, with the converted
 * blocks: each parsed block's offset then names its Word paragraph.
 */
function mapParagraphs(tree: MdastRoot, blocks: (number | undefined)[], paragraphs: WordParagraph[], title: string | undefined, titleText: string | undefined): ParagraphMap {
  const parsed: number[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'yaml' || node.type === 'footnoteDefinition') {
      if (node.type === 'footnoteDefinition') for (const c of node.children) collect(c);
      return;
    }
    if (LEAF_BLOCKS.has(node.type)) {
      parsed.push(node.position!.start.offset!);
      return;
    }
    if ('children' in node) for (const c of node.children) collect(c);
  };
  collect(tree);
  const offsets: number[] = [];
  const numbers: number[] = [];
  const titleParagraph = titleText !== undefined && title === titleText ? paragraphs.find((p) => p.isTitle && p.text === titleText) : undefined;
  if (titleParagraph) {
    offsets.push(0);
    numbers.push(titleParagraph.number);
  }
  // Footnote definitions parse as paragraphs only with GFM; the engine's parser leaves them as text in place.
  const count = Math.min(parsed.length, blocks.length);
  for (let i = 0; i < count; i++) {
    const number = blocks[i];
    if (number === undefined) continue;
    offsets.push(parsed[i]);
    numbers.push(number);
  }
  return new ParagraphMap(offsets, numbers, paragraphs);
}

function lossyNotes(fromBody: string[], warnings: string[], hidden: HiddenText[], macros: boolean, markdown: string): string[] {
  const notes = [...fromBody];
  const count = (where: string) => hidden.filter((h) => h.where === where).length;
  const comments = count('in a comment');
  if (comments > 0) notes.push(`${comments} comment${comments === 1 ? ' is' : 's are'} not in the Markdown.`);
  if (count('in a tracked deletion') > 0 || hidden.some((h) => h.where.startsWith('in the author of a tracked'))) {
    notes.push('Tracked changes are written as if accepted: inserted text kept, deleted text left out.');
  }
  if (count('in a header') + count('in a footer') > 0) notes.push('Headers and footers are left out.');
  const images = markdown.match(/!\[[^\]]*\]\(image-\d+\.\w+\)/g) ?? [];
  if (images.length > 0) {
    const missing = images.filter((i) => i.startsWith('![]')).length;
    notes.push(`${images.length} image${images.length === 1 ? ' is' : 's are'} written as ${images.length === 1 ? 'its' : 'their'} alt text only${missing > 0 ? `; ${missing} ha${missing === 1 ? 's' : 've'} no alt text` : ''}.`);
  }
  if (macros) notes.push('The document contains macros; they were ignored and never run.');
  for (const warning of warnings) {
    // Styles without a Markdown form (body text, captions) lose only their look.
    if (/^Unrecognised (paragraph|run|table) style|AuditLintOutline/.test(warning)) continue;
    notes.push(warning);
  }
  return [...new Set(notes)];
}
