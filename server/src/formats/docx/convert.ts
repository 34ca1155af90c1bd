import type { Element as HastElement, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { FootnoteDefinition, List, Nodes, Parents, PhrasingContent, Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { MARK_CLOSE, MARK_OPEN, type WordParagraph } from './body';
import type { WordPackage } from './package';

/**
 * mammoth turns the (marked) OOXML into HTML; rehype-parse and rehype-remark turn that into mdast;
 * remark-stringify with GFM writes the Markdown. Markers placed by the body scan are taken out of
 * the mdast here and kept on the blocks as the Word paragraph each came from.
 */

export interface Converted {
  mdast: MdastRoot;
  /** For each leaf block in document order (heading, paragraph, table cell): its first Word paragraph. */
  blockParagraphs: (number | undefined)[];
  titleText: string | undefined;
  warnings: string[];
}

/** Stands for a line break in a table cell until the mdast is built (the cell handler drops <br>). */
const CELL_BREAK = '\uE002';
const MARKER = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');
const LEAF_BLOCKS = new Set(['heading', 'paragraph', 'tableCell']);

export async function convertToMdast(pkg: WordPackage, markedXml: string, styleMap: string[], paragraphs: WordParagraph[]): Promise<Converted> {
  let images = 0;
  const file = {
    exists: (name: string) => pkg.has(name),
    read: async (name: string, encoding?: string) => {
      if (name === pkg.mainPart) return encoding ? markedXml : new TextEncoder().encode(markedXml);
      // Images are never read: each is written as its alt text.
      if (encoding === 'base64') return '';
      return encoding ? pkg.text(name) : new Uint8Array(pkg.zip.read(name));
    },
  };
  // mammoth takes a noticeable time to set up: only a run that reads a Word document pays for it.
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ file } as unknown as { path: string }, {
    styleMap,
    includeDefaultStyleMap: true,
    ignoreEmptyParagraphs: true,
    convertImage: mammoth.images.imgElement(async (image) => {
      images++;
      const extension = /image\/(\w+)/.exec(image.contentType ?? '')?.[1] ?? 'img';
      return { src: `image-${images}.${extension === 'jpeg' ? 'jpg' : extension}` };
    }),
  });

  const hast = unified().use(rehypeParse, { fragment: true }).parse(result.value) as HastRoot;
  dropBookmarks(hast);
  shapeTables(hast);
  const notes = takeNotes(hast);
  const toMdast = unified().use(rehypeRemark);
  const mdast = (await toMdast.run(hast)) as MdastRoot;
  for (const [identifier, body] of notes) {
    const converted = (await toMdast.run({ type: 'root', children: body })) as MdastRoot;
    mdast.children.push({ type: 'footnoteDefinition', identifier, label: identifier, children: converted.children } as FootnoteDefinition);
  }
  replaceNoteLinks(mdast);
  joinCellParagraphs(mdast);

  const byNumber = new Map(paragraphs.map((p) => [p.number, p]));
  let titleText: string | undefined;
  const titleBlocks: Nodes[] = [];
  let topHeadings = 0;
  walkLeafBlocks(mdast, (block) => {
    const first = takeMarkers(block)[0];
    if (first !== undefined) block.data = { ...block.data, wordParagraph: first } as unknown as typeof block.data;
    if (first !== undefined && byNumber.get(first)?.isTitle && block.type === 'heading') {
      titleText ??= byNumber.get(first)!.text;
      titleBlocks.push(block);
    } else if (block.type === 'heading' && block.depth === 1) {
      topHeadings++;
    }
  });
  // A Markdown report has one "#" title. Word documents usually put the title in the Title style
  // and their sections in Heading 1: then every heading moves down a level under the title.
  // Otherwise the title style's text is the front matter's title only.
  const keptTitle = topHeadings > 1 ? titleBlocks[0] : undefined;
  if (topHeadings > 1) {
    walkLeafBlocks(mdast, (block) => {
      if (block.type === 'heading' && block !== keptTitle) block.depth = Math.min(6, block.depth + 1) as typeof block.depth;
    });
  }
  removeNodes(mdast, new Set(titleBlocks.filter((b) => b !== keptTitle)));
  const blockParagraphs: (number | undefined)[] = [];
  walkLeafBlocks(mdast, (block) => blockParagraphs.push((block.data as { wordParagraph?: number } | undefined)?.wordParagraph));
  setListStarts(mdast, byNumber);
  const warnings = [...new Set(result.messages.filter((m) => m.type === 'warning').map((m) => m.message))];
  return { mdast, blockParagraphs, titleText, warnings };
}

export function mdastToMarkdown(mdast: MdastRoot): string {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true })
    .stringify(mdast);
}

/** Bookmarks become anchors without a link (<a id>): they have no Markdown form. */
function dropBookmarks(parent: HastRoot | HastElement): void {
  const children: HastContent[] = [];
  for (const node of parent.children) {
    if (node.type === 'element') dropBookmarks(node);
    if (node.type === 'element' && node.tagName === 'a' && node.properties?.href === undefined) children.push(...node.children);
    else children.push(node);
  }
  parent.children = children as typeof parent.children;
}

/**
 * GFM tables have one header row, one line per cell and no merged cells: the first row becomes
 * the header, paragraphs in a cell are joined by line breaks (written as <br>), and a cell merged
 * down several rows is repeated in each (an owner shared by two actions owns both). A cell merged
 * across columns keeps its text in the first and leaves the others empty.
 */
function shapeTables(parent: HastRoot | HastElement): void {
  for (const node of parent.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'table') {
      const rows = tableRows(node);
      if (rows[0] && !rows.some((row) => row.children.some((c) => c.type === 'element' && c.tagName === 'th'))) {
        for (const c of rows[0].children) if (c.type === 'element' && c.tagName === 'td') c.tagName = 'th';
      }
      repeatRowSpans(rows);
      for (const row of rows) for (const c of row.children) if (c.type === 'element') joinParagraphs(c);
    }
    shapeTables(node);
  }
}

function tableRows(table: HastElement): HastElement[] {
  const rows: HastElement[] = [];
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(r);
  }
  return rows;
}

function repeatRowSpans(rows: HastElement[]): void {
  const pending = new Map<number, { cell: HastElement; left: number }>();
  for (const row of rows) {
    const cells: HastElement[] = [];
    let column = 0;
    const fill = () => {
      for (let span = pending.get(column); span; span = pending.get(column)) {
        cells.push(structuredClone({ ...span.cell, properties: { ...span.cell.properties, rowSpan: undefined } }));
        if (--span.left === 0) pending.delete(column);
        column += Number(span.cell.properties?.colSpan ?? 1);
      }
    };
    for (const cell of row.children) {
      if (cell.type !== 'element') continue;
      fill();
      const rowSpan = Number(cell.properties?.rowSpan ?? 1);
      if (rowSpan > 1) {
        pending.set(column, { cell, left: rowSpan - 1 });
        cell.properties = { ...cell.properties, rowSpan: undefined };
      }
      cells.push(cell);
      column += Number(cell.properties?.colSpan ?? 1);
    }
    fill();
    row.children = cells;
  }
}

/** Paragraphs in a cell become one run of text with line breaks between them. */
function joinParagraphs(cell: HastElement): void {
  const blocks = cell.children.filter((c) => c.type === 'element' && c.tagName === 'p');
  if (blocks.length < 2) return;
  const joined: HastContent[] = [];
  for (const c of cell.children) {
    if (c.type === 'element' && c.tagName === 'p') {
      if (joined.length > 0) joined.push({ type: 'text', value: CELL_BREAK });
      joined.push(...(c.children as HastContent[]));
    } else if (!(c.type === 'text' && c.value.trim() === '')) {
      joined.push(c);
    }
  }
  cell.children = [{ type: 'element', tagName: 'p', properties: {}, children: joined as HastElement['children'] }];
}

/** mammoth puts footnotes and endnotes in a list at the end; take them out as (identifier, body). */
function takeNotes(hast: HastRoot): [string, HastContent[]][] {
  const notes: [string, HastContent[]][] = [];
  const visit = (parent: HastRoot | HastElement) => {
    parent.children = parent.children.filter((node) => {
      if (node.type !== 'element') return true;
      if (node.tagName === 'ol' && node.children.some((li) => li.type === 'element' && /^(foot|end)note-\d+$/.test(String(li.properties?.id ?? '')))) {
        for (const li of node.children) {
          if (li.type !== 'element') continue;
          const match = /^(foot|end)note-(\d+)$/.exec(String(li.properties?.id ?? ''));
          if (!match) continue;
          removeBackLinks(li);
          notes.push([`${match[1] === 'end' ? 'e' : ''}${match[2]}`, li.children as HastContent[]]);
        }
        return false;
      }
      if (node.tagName === 'ol' && node.children.length === 0) return false;
      if (node.tagName === 'dl' && node.children.length === 0) return false;
      visit(node);
      return true;
    });
  };
  visit(hast);
  return notes;
}

function removeBackLinks(node: HastElement): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'a' && /^#(foot|end)note-ref-/.test(String(c.properties?.href ?? ''))));
  for (const c of node.children) if (c.type === 'element') removeBackLinks(c);
}

/** A link to "#footnote-N" becomes the footnote reference [^N]. */
function replaceNoteLinks(node: Parents): void {
  node.children = node.children.map((c) => {
    if (c.type === 'link') {
      const match = /^#(foot|end)note-(\d+)$/.exec(c.url);
      if (match) {
        const identifier = `${match[1] === 'end' ? 'e' : ''}${match[2]}`;
        return { type: 'footnoteReference', identifier, label: identifier };
      }
    }
    if ('children' in c) replaceNoteLinks(c);
    return c;
  }) as typeof node.children;
}

/** Table cells hold one line in GFM: paragraphs and line breaks in a cell are joined with <br>. */
function joinCellParagraphs(node: Nodes): void {
  if (node.type === 'tableCell') {
    const br: PhrasingContent = { type: 'html', value: '<br>' };
    // A cell's paragraph (the handler may keep one) is unwrapped: a GFM cell holds phrasing only.
    const phrasing = (node.children as Nodes[]).flatMap((c) => (c.type === 'paragraph' ? c.children : [c])) as PhrasingContent[];
    node.children = phrasing.flatMap((c): PhrasingContent[] => {
      if (c.type === 'break') return [br];
      if (c.type !== 'text' || !c.value.includes(CELL_BREAK)) return [c];
      return c.value.split(CELL_BREAK).flatMap((part, i): PhrasingContent[] => [...(i > 0 ? [br] : []), ...(part ? [{ type: 'text' as const, value: part }] : [])]);
    });
    return;
  }
  if ('children' in node) for (const c of node.children) joinCellParagraphs(c);
}

function walkLeafBlocks(node: Nodes, visit: (block: Nodes) => void): void {
  if (LEAF_BLOCKS.has(node.type)) {
    visit(node);
    return;
  }
  if ('children' in node) for (const c of node.children) walkLeafBlocks(c, visit);
}

/** Remove every marker in a block, returning the paragraph numbers in order. */
function takeMarkers(node: Nodes, found: number[] = []): number[] {
  if (node.type === 'text') {
    node.value = node.value.replace(MARKER, (_whole, number: string) => {
      found.push(Number(number));
      return '';
    });
  } else if ('children' in node) {
    for (const c of node.children) takeMarkers(c, found);
    // A marker alone in a text node leaves it empty; a leading space from the number label is kept.
    node.children = node.children.filter((c) => !(c.type === 'text' && c.value === '')) as typeof node.children;
  }
  return found;
}

function removeNodes(node: Parents, remove: Set<Nodes>): void {
  node.children = node.children.filter((c) => !remove.has(c)) as typeof node.children;
  for (const c of node.children) if ('children' in c) removeNodes(c, remove);
}

/**
 * Ordered lists show Word's numbers: a list starts where Word's numbering says (mammoth starts
 * every list at 1), and is split where Word's numbers jump or restart.
 */
function setListStarts(node: Parents, byNumber: Map<number, WordParagraph>): void {
  const children: Nodes[] = [];
  for (const c of node.children as Nodes[]) {
    if ('children' in c) setListStarts(c, byNumber);
    if (c.type !== 'list' || !c.ordered) {
      children.push(c);
      continue;
    }
    let current: List | undefined;
    let last: number | undefined;
    for (const item of c.children) {
      const number = firstParagraphNumber(item);
      const label = number === undefined ? undefined : byNumber.get(number)?.label;
      const value = label?.simpleDecimal ? label.value : undefined;
      if (!current || (value !== undefined && last !== undefined && value !== last + 1)) {
        current = { ...c, start: value ?? (last === undefined ? c.start : last + 1), children: [] };
        children.push(current);
      }
      current.children.push(item);
      last = value ?? (last === undefined ? undefined : last + 1);
    }
  }
  node.children = children as typeof node.children;
}

function firstParagraphNumber(node: Nodes): number | undefined {
  // Markers are removed by now; the number was kept on the paragraph's data.
  const data = (node as { data?: { wordParagraph?: number } }).data;
  if (data?.wordParagraph !== undefined) return data.wordParagraph;
  if ('children' in node) for (const c of node.children) {
    const found = firstParagraphNumber(c);
    if (found !== undefined) return found;
  }
  return undefined;
}
