import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, ImageRun,
  LevelFormat, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type ILevelsOptions, type IStylesOptions, type ParagraphChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import type { Image, List, Nodes, PhrasingContent, RootContent, Table as MdTable, Root } from 'mdast';
import { VERSION } from '../../core/version';
import type { LoadedImage } from './images';
import { textOf, type References, type ReportMetadata } from './read';

/** Custom document property that marks a file this export wrote, so a later export may replace it. */
export const GENERATOR_PROPERTY = 'Generator';
export const GENERATOR = 'audit-lint';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const INDENT = 720; // twips: half an inch per list level
/** Widest an image is drawn, in pixels at 96 to the inch: the text width of an A4 page with 2.5 cm margins. */
const MAX_IMAGE_WIDTH = 604;
const BULLETS = ['•', '◦', '▪'];
const CODE_FONT = 'Consolas';
const TEXT_COLOUR = '0B0C0C';
const BREAK = /^<br\s*\/?>$/i;
/** A4 with 2.5 cm margins, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1417 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** A plain look: one sans-serif face, dark text, bold headings by size. A partnership replaces it with --reference-docx. */
const PLAIN_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: 'Arial', size: 24, color: TEXT_COLOUR }, paragraph: { spacing: { after: 160, line: 288, lineRule: LineRuleType.AUTO } } },
    heading1: { run: { font: 'Arial', size: 40, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { before: 240, after: 240, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true } },
    heading2: { run: { font: 'Arial', size: 32, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { before: 360, after: 160, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true } },
    heading3: { run: { font: 'Arial', size: 27, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { before: 240, after: 120, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true } },
    heading4: { run: { font: 'Arial', size: 24, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { before: 240, after: 120, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true } },
    heading5: { run: { font: 'Arial', size: 24, bold: true, color: TEXT_COLOUR }, paragraph: { keepNext: true } },
    heading6: { run: { font: 'Arial', size: 24, bold: true, color: TEXT_COLOUR }, paragraph: { keepNext: true } },
    hyperlink: { run: { color: '1D70B8', underline: {} } },
  },
  paragraphStyles: [
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, paragraph: { indent: { left: INDENT }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B1B4B6', space: 12 } } } },
    { id: 'SourceCode', name: 'Source Code', basedOn: 'Normal', paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } }, run: { font: CODE_FONT, size: 20 } },
  ],
};

/** Where a block sits in a list: the first paragraph of an item carries its number or bullet (and a task's box). */
interface ListPlace {
  reference: string;
  level: number;
  pending: boolean;
  box?: string;
}

interface BlockContext {
  list?: ListPlace;
  quoted: boolean;
}

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  link?: boolean;
}

type Block = Paragraph | Table;

export interface DocxOptions {
  /** styles.xml of the partnership's reference document, replacing the plain look. */
  referenceStyles?: string;
}

/** The report as a Word document: real heading styles, numbered lists, tables whose header row repeats, footnotes, images with alt text. */
export async function renderDocx(tree: Root, metadata: ReportMetadata, references: References, images: Map<Image, LoadedImage>, options: DocxOptions = {}): Promise<Uint8Array> {
  const writer = new DocxWriter(references, images);
  const children = writer.blocks(tree.children, { quoted: false });
  const document = new Document({
    title: metadata.title,
    creator: metadata.partnership,
    lastModifiedBy: metadata.partnership,
    customProperties: [{ name: GENERATOR_PROPERTY, value: `${GENERATOR} ${VERSION}` }],
    ...(options.referenceStyles ? { externalStyles: options.referenceStyles } : { styles: PLAIN_STYLES }),
    numbering: { config: writer.numbering },
    footnotes: writer.footnotes,
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
      children: children.length > 0 ? children : [new Paragraph({})],
    }],
  });
  const packed = new Uint8Array(await Packer.toBuffer(document));
  return setPackageProperties(packed, metadata);
}

class DocxWriter {
  readonly numbering: { reference: string; levels: ILevelsOptions[] }[] = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  private readonly footnoteIds = new Map<string, number>();
  private orderedLists = 0;

  constructor(private readonly references: References, private readonly images: Map<Image, LoadedImage>) {
    this.numbering.push({ reference: 'bullet', levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length] })) });
  }

  blocks(nodes: RootContent[], context: BlockContext): Block[] {
    return nodes.flatMap((node) => this.block(node, context));
  }

  private block(node: RootContent, context: BlockContext): Block[] {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[node.depth - 1], children: this.inlines(node.children, {}) })];
      case 'paragraph':
        return [this.paragraph(this.inlines(node.children, {}), context)];
      case 'list':
        return this.list(node, context);
      case 'table':
        return [this.table(node)];
      case 'blockquote':
        return this.blocks(node.children, { ...context, quoted: true });
      case 'code':
        return node.value.split(/\r?\n/).map((line, i, all) => new Paragraph({
          style: 'SourceCode',
          indent: context.list ? { left: INDENT * (context.list.level + 1) } : undefined,
          spacing: i === all.length - 1 ? { after: 160 } : undefined,
          children: [new TextRun({ text: line, font: CODE_FONT })],
        }));
      case 'thematicBreak':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B1B4B6', space: 1 } }, children: [] })];
      default:
        // Front matter, link definitions, footnote definitions (placed where referenced) and raw HTML are not part of the text.
        return [];
    }
  }

  /** A paragraph in its context: the first of a list item carries the item's number or bullet, the rest are indented to it. */
  private paragraph(children: ParagraphChild[], context: BlockContext): Paragraph {
    const list = context.list;
    if (list?.pending) {
      list.pending = false;
      const box = list.box ? [new TextRun({ text: `${list.box} ` })] : [];
      return new Paragraph({ numbering: { reference: list.reference, level: list.level }, style: context.quoted ? 'Quote' : undefined, children: [...box, ...children] });
    }
    return new Paragraph({
      style: context.quoted ? 'Quote' : undefined,
      indent: list ? { left: INDENT * (list.level + 1) } : undefined,
      children,
    });
  }

  private list(node: List, context: BlockContext): Block[] {
    const level = context.list ? Math.min(context.list.level + 1, 8) : 0;
    let reference = 'bullet';
    if (node.ordered) {
      // Each numbered list counts from its own start, as the Markdown shows it.
      reference = `numbered-${++this.orderedLists}`;
      const start = node.start ?? 1;
      this.numbering.push({ reference, levels: levels((l) => ({ format: LevelFormat.DECIMAL, text: `%${l + 1}.`, start })) });
    }
    return node.children.flatMap((item) => {
      const box = item.checked === true ? '☒' : item.checked === false ? '☐' : undefined;
      const itemContext: BlockContext = { ...context, list: { reference, level, pending: true, box } };
      const blocks = this.blocks(item.children, itemContext);
      return blocks.length > 0 ? blocks : [this.paragraph([], itemContext)];
    });
  }

  private table(node: MdTable): Table {
    const columns = Math.max(1, ...node.children.map((row) => row.children.length));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '505A5F' };
    const table = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: node.children.map((row, r) => new TableRow({
        // The header row repeats at the top of each page the table runs onto.
        tableHeader: r === 0 ? true : undefined,
        cantSplit: true,
        children: Array.from({ length: columns }, (_, c) => {
          const cell = row.children[c];
          const align = node.align?.[c];
          return new TableCell({
            shading: r === 0 ? { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' } : undefined,
            children: [new Paragraph({
              alignment: align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : undefined,
              spacing: { before: 40, after: 40 },
              children: cell ? this.inlines(cell.children, r === 0 ? { bold: true } : {}) : [],
            })],
          });
        }),
      })),
    });
    // docx finds each table's section by scanning the body from the table to its end, which is
    // quadratic in a long report; this document has one section, whose text width is known.
    Object.defineProperty(table, 'resolveAvailableWidth', { value: () => TEXT_WIDTH });
    return table;
  }

  inlines(nodes: PhrasingContent[], marks: Marks): ParagraphChild[] {
    return nodes.flatMap((node, i) => {
      // The line that follows a line break starts at the margin, not after a space.
      const afterBreak = i > 0 && (nodes[i - 1].type === 'break' || (nodes[i - 1].type === 'html' && BREAK.test((nodes[i - 1] as { value: string }).value.trim())));
      return this.inline(afterBreak && node.type === 'text' ? { ...node, value: node.value.replace(/^\s+/, '') } : node, marks);
    });
  }

  private inline(node: PhrasingContent, marks: Marks): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return [this.run(node.value.replace(/\s*\r?\n\s*/g, ' '), marks)];
      case 'strong':
        return this.inlines(node.children, { ...marks, bold: true });
      case 'emphasis':
        return this.inlines(node.children, { ...marks, italics: true });
      case 'delete':
        return this.inlines(node.children, { ...marks, strike: true });
      case 'inlineCode':
        return [new TextRun({ text: node.value, font: CODE_FONT, bold: marks.bold, italics: marks.italics, style: marks.link ? 'Hyperlink' : undefined })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return this.link(node.url, node.children, marks);
      case 'linkReference': {
        const definition = this.references.definitions.get(node.identifier);
        return definition ? this.link(definition.url, node.children, marks) : this.inlines(node.children, marks);
      }
      case 'image':
        return this.image(node);
      case 'footnoteReference':
        return this.footnote(node.identifier);
      case 'html':
        return BREAK.test(node.value.trim()) ? [new TextRun({ break: 1 })] : [];
      default:
        return [];
    }
  }

  private run(text: string, marks: Marks): TextRun {
    return new TextRun({ text, bold: marks.bold, italics: marks.italics, strike: marks.strike, style: marks.link ? 'Hyperlink' : undefined });
  }

  /** A link keeps its text and its target as written, even an empty one ("#"), which the linter reports in the Word document too. */
  private link(url: string, children: PhrasingContent[], marks: Marks): ParagraphChild[] {
    return [new ExternalHyperlink({ link: url.trim() === '' ? '#' : url, children: this.inlines(children, { ...marks, link: true }) })];
  }

  private image(node: Image): ParagraphChild[] {
    const image = this.images.get(node);
    if (!image) return [];
    const scale = Math.min(1, MAX_IMAGE_WIDTH / image.width);
    const alt = node.alt?.trim() ?? '';
    return [new ImageRun({
      type: image.type,
      data: image.data,
      transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
      altText: { name: alt.slice(0, 60), description: alt, title: node.title ?? '' },
    })];
  }

  /** Footnotes are numbered in the order they are first referred to, as Word numbers them. */
  private footnote(identifier: string): ParagraphChild[] {
    let id = this.footnoteIds.get(identifier);
    if (id === undefined) {
      const definition = this.references.footnotes.get(identifier);
      if (!definition) return [this.run(`[^${identifier}]`, {})];
      id = this.footnoteIds.size + 1;
      this.footnoteIds.set(identifier, id);
      this.footnotes[id] = {
        children: definition.children.map((child) =>
          child.type === 'paragraph' ? new Paragraph({ children: this.inlines(child.children, {}) }) : new Paragraph({ children: [this.run(textOf(child as Nodes), {})] }),
        ),
      };
    }
    return [new FootnoteReferenceRun(id)];
  }
}

function levels(make: (level: number) => Omit<ILevelsOptions, 'level'>): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
    ...make(level),
  }));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What the docx package does not set: the document's language in its properties and in the default
 * run properties of the styles (a reference document's styles may name another), and an empty
 * "last modified by" rather than a placeholder name.
 */
function setPackageProperties(packed: Uint8Array, metadata: ReportMetadata): Uint8Array {
  const files: Unzipped = unzipSync(packed);
  const core = strFromU8(files['docProps/core.xml'])
    .replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${escapeXml(metadata.partnership)}</cp:lastModifiedBy>`)
    .replace('</cp:coreProperties>', `<dc:language>${metadata.language}</dc:language></cp:coreProperties>`);
  files['docProps/core.xml'] = strToU8(core);
  files['word/styles.xml'] = strToU8(withDefaultLanguage(strFromU8(files['word/styles.xml']), metadata.language));
  return zipSync(files, { level: 6 });
}

/** Set the language of the styles' default run properties, adding them where missing. */
export function withDefaultLanguage(styles: string, language: string): string {
  const lang = `<w:lang w:val="${language}" w:eastAsia="${language}" w:bidi="ar-SA"/>`;
  const withoutLang = (rPr: string) => rPr.replace(/<w:lang\b[^>]*\/>/g, '');
  if (/<w:rPrDefault>\s*<w:rPr>/.test(styles)) {
    return styles.replace(/<w:rPrDefault>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/, (_, inner: string) => `<w:rPrDefault><w:rPr>${withoutLang(inner)}${lang}</w:rPr>`);
  }
  if (/<w:rPrDefault\s*\/>/.test(styles)) return styles.replace(/<w:rPrDefault\s*\/>/, `<w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  if (/<w:rPrDefault>\s*<\/w:rPrDefault>/.test(styles)) return styles.replace(/<w:rPrDefault>\s*<\/w:rPrDefault>/, `<w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  if (/<w:docDefaults>/.test(styles)) return styles.replace('<w:docDefaults>', `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`);
  if (/<w:docDefaults\s*\/>/.test(styles)) return styles.replace(/<w:docDefaults\s*\/>/, `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>`);
  return styles.replace(/(<w:styles\b[^>]*>)/, `$1<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault></w:docDefaults>`);
}
