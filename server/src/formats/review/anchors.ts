import { ownText, ownTextPieces } from '../docx/body';
import { decodeEntities, elements, textOf, type XmlElement } from '../docx/xml';

/**
 * Where comments go in word/document.xml. Paragraphs are numbered as the Word reader numbers them
 * (those with text, in document order, table cells and text boxes included), so a finding's
 * paragraph number names the same paragraph here. A comment's range starts before and ends after
 * whole children of the paragraph (runs, hyperlinks, insertions), so no run is ever split and the
 * author's text is untouched.
 */

export interface BodyParagraph {
  element: XmlElement;
  /** The paragraph in the body that holds it: itself, or for a paragraph in a text box the one holding the box. */
  host: XmlElement;
}

/**
 * A place in document.xml for a range mark. Inside a run's text the run is divided there: it is
 * closed before the mark and opened again after it with the same properties (`reopen`).
 */
export interface Point {
  at: number;
  reopen?: string;
}

/** Where a comment's range starts and ends, and where its reference goes. */
export interface Anchor {
  start: Point;
  end: Point;
  /** Offset for the reference run: at the end, or after the part of the paragraph holding the end. */
  reference: number;
  /** The range covers the words themselves, not a whole paragraph. */
  onWords: boolean;
}

/** The paragraphs the Word reader counts, in its order (¶1 first). */
export function bodyParagraphs(body: XmlElement): BodyParagraph[] {
  const found: BodyParagraph[] = [];
  const visit = (node: XmlElement, host: XmlElement | undefined) => {
    // As the reader: alternative content is read from its fallback, and deleted text is not counted.
    if (node.name === 'mc:Choice' || node.name === 'w:del') return;
    let inner = host;
    if (node.name === 'w:p') {
      if (node.closeStart !== node.openEnd && ownText(node) !== '') found.push({ element: node, host: host ?? node });
      inner = host ?? node;
    }
    for (const c of elements(node)) visit(c, inner);
  };
  visit(body, undefined);
  return found;
}

/** The child of a paragraph that contains an offset. */
function childAt(paragraph: XmlElement, offset: number): XmlElement | undefined {
  return elements(paragraph).find((c) => c.start <= offset && offset < c.end);
}

/** The whole paragraph: after its properties, to its end. */
export function wholeParagraph(paragraph: XmlElement): Anchor {
  const properties = elements(paragraph, 'w:pPr')[0];
  const start = properties ? properties.end : paragraph.openEnd;
  return { start: { at: start }, end: { at: paragraph.closeStart }, reference: paragraph.closeStart, onWords: false };
}

/** The child of the host paragraph that holds an element nested in it (a text box, a note reference). */
export function anchorAround(host: XmlElement, nested: XmlElement): Anchor {
  const holder = childAt(host, nested.start);
  return holder ? { start: { at: holder.start }, end: { at: holder.end }, reference: holder.end, onWords: true } : wholeParagraph(host);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A character of a paragraph's text: the child of the paragraph it lies in, and where in the XML. */
interface Character {
  holder: XmlElement;
  element: XmlElement;
  /** Index and length (UTF-16 units) in the element's text. */
  index: number;
  length: number;
}

/**
 * The range over the words of `quote` in a paragraph: the exact words when the paragraph holds them
 * (whitespace aside), else the longest run of its leading words found in order, else the whole
 * paragraph. `xml` is the document the paragraph was parsed from.
 */
export function anchorOnWords(xml: string, paragraph: BodyParagraph, quote: string): Anchor {
  if (paragraph.host !== paragraph.element) return anchorAround(paragraph.host, paragraph.element);
  const p = paragraph.element;
  // The paragraph's text with whitespace collapsed, and for each UTF-16 unit the character it belongs to.
  let text = '';
  const characters: Character[] = [];
  ownTextPieces(p, (piece, element) => {
    const holder = childAt(p, element.start);
    if (!holder) return;
    let index = 0;
    for (const ch of piece) {
      const at = index;
      index += ch.length;
      if (/\s/.test(ch)) {
        if (text === '' || text.endsWith(' ')) continue;
        text += ' ';
      } else {
        text += ch;
      }
      for (let i = 0; i < ch.length; i++) characters.push({ holder, element, index: at, length: ch.length });
    }
  });
  const span = findWords(text, quote.replace(/\s+/g, ' ').trim());
  if (!span) return wholeParagraph(p);
  const first = characters[span.start];
  const last = characters[span.end - 1];
  const start = pointIn(xml, first, 'before') ?? { at: first.holder.start };
  const end = pointIn(xml, { ...last, index: last.index + last.length }, 'after') ?? { at: last.holder.end };
  // The reference run sits beside the end mark when that is directly in the paragraph, else after
  // the hyperlink or insertion that holds it.
  const reference = runOf(last.holder, last.element) === last.holder ? end.at : last.holder.end;
  return { start, end, reference, onWords: true };
}

/**
 * The point before (or after) a character of a run's text. Between the run's text and a neighbour
 * the point is outside the run; inside, the run is divided, with the whitespace next to the words
 * kept inside the range so that the text left in the run never ends in a space Word would drop.
 */
function pointIn(xml: string, character: Character, side: 'before' | 'after'): Point | undefined {
  const { element, holder } = character;
  const run = runOf(holder, element);
  if (!run) return undefined;
  if (element.name !== 'w:t') return { at: side === 'before' ? run.start : run.end };
  const raw = rawOffsets(xml.slice(element.openEnd, element.closeStart));
  const decoded = raw.length - 1;
  // Text the reader decoded otherwise (a CDATA section): the whole run, undivided.
  if (decoded !== textOf(element).length) return { at: side === 'before' ? run.start : run.end };
  let index = character.index;
  if (side === 'before') {
    while (index > 0 && /\s/.test(charAt(xml, element, raw, index - 1))) index--;
  } else {
    while (index < decoded && /\s/.test(charAt(xml, element, raw, index))) index++;
  }
  const content = elements(run).filter((c) => c.name !== 'w:rPr');
  if (side === 'before' && index === 0 && content[0] === element) return { at: run.start };
  if (side === 'after' && index === decoded && content[content.length - 1] === element) return { at: run.end };
  const properties = elements(run, 'w:rPr')[0];
  const reopen = xml.slice(run.start, run.openEnd) + (properties ? xml.slice(properties.start, properties.end) : '');
  return { at: element.openEnd + raw[index], reopen };
}

function charAt(xml: string, element: XmlElement, raw: number[], index: number): string {
  return decodeEntities(xml.slice(element.openEnd + raw[index], element.openEnd + raw[index + 1]));
}

/** For each UTF-16 unit of the decoded text, its offset in the raw XML text; one more for the end. */
function rawOffsets(raw: string): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const semicolon = raw[i] === '&' ? raw.indexOf(';', i) : -1;
    if (semicolon > 0) {
      const decoded = decodeEntities(raw.slice(i, semicolon + 1));
      for (let k = 0; k < decoded.length; k++) offsets.push(i);
      i = semicolon + 1;
    } else {
      offsets.push(i);
      i++;
    }
  }
  offsets.push(raw.length);
  return offsets;
}

/** The run whose text element this is (w:t directly in w:r), searched from the paragraph's child holding it. */
function runOf(holder: XmlElement, element: XmlElement): XmlElement | undefined {
  let node: XmlElement | undefined = holder;
  while (node) {
    if (node.name === 'w:r' && elements(node).includes(element)) return node;
    node = elements(node).find((c) => c.start <= element.start && element.end <= c.end && c !== element);
  }
  return undefined;
}

function findWords(text: string, quote: string): { start: number; end: number } | undefined {
  if (quote === '') return undefined;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  // Markup the Markdown carries ("**", "<br>", escapes) or text split across cells: match word by word.
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const wanted = [...quote.matchAll(WORD)].map((m) => m[0]);
  for (let length = wanted.length; length > 0; length--) {
    if (wanted.slice(0, length).join('').length < 3) break;
    for (let at = 0; at + length <= words.length; at++) {
      let match = true;
      for (let k = 0; k < length && match; k++) match = words[at + k].word === wanted[k];
      if (match) return { start: words[at].start, end: words[at + length - 1].end };
    }
  }
  return undefined;
}

/** The body's footnote or endnote reference with this id. */
export function noteReference(body: XmlElement, kind: 'footnote' | 'endnote', id: string): XmlElement | undefined {
  const name = `w:${kind}Reference`;
  let found: XmlElement | undefined;
  const visit = (node: XmlElement) => {
    if (found) return;
    if (node.name === name && node.attrs['w:id'] === id) found = node;
    else for (const c of elements(node)) visit(c);
  };
  visit(body);
  return found;
}

/** The outermost paragraph holding an offset. */
export function hostParagraphAt(body: XmlElement, offset: number): XmlElement | undefined {
  let node: XmlElement | undefined = body;
  while (node) {
    const next: XmlElement | undefined = elements(node).find((c) => c.start <= offset && offset < c.end);
    if (!next || next.name === 'w:p') return next;
    node = next;
  }
  return undefined;
}
