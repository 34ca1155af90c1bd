import { ownText, ownTextPieces } from '../docx/body';
import { elements, type XmlElement } from '../docx/xml';

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

/** A span of a host paragraph's children that a comment's range covers. */
export interface Anchor {
  /** Offsets in document.xml where the range starts and ends. */
  start: number;
  end: number;
  /** The range covers the words themselves, not the whole paragraph. */
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
  return { start: properties ? properties.end : paragraph.openEnd, end: paragraph.closeStart, onWords: false };
}

/** The child of the host paragraph that holds an element nested in it (a text box, a note reference). */
export function anchorAround(host: XmlElement, nested: XmlElement): Anchor {
  const holder = childAt(host, nested.start);
  return holder ? { start: holder.start, end: holder.end, onWords: true } : wholeParagraph(host);
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The range over the words of `quote` in a paragraph: the exact words when the paragraph holds them
 * (whitespace aside), else the longest run of its leading words found in order, else the whole paragraph.
 */
export function anchorOnWords(paragraph: BodyParagraph, quote: string): Anchor {
  if (paragraph.host !== paragraph.element) return anchorAround(paragraph.host, paragraph.element);
  const p = paragraph.element;
  // The paragraph's text with whitespace collapsed, and for each character the child it lies in.
  let text = '';
  const holders: XmlElement[] = [];
  ownTextPieces(p, (piece, element) => {
    const holder = childAt(p, element.start);
    if (!holder) return;
    for (const ch of piece) {
      if (/\s/.test(ch)) {
        if (text === '' || text.endsWith(' ')) continue;
        text += ' ';
      } else {
        text += ch;
      }
      // Characters outside the basic plane take two code units: one holder each.
      for (let i = 0; i < ch.length; i++) holders.push(holder);
    }
  });
  const span = findWords(text, quote.replace(/\s+/g, ' ').trim());
  if (!span) return wholeParagraph(p);
  return { start: holders[span.start].start, end: holders[span.end - 1].end, onWords: true };
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
