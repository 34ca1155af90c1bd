import { Numbering, type NumberLabel } from './numbering';
import type { NumberingRef, Styles } from './styles';
import { attr, child, val, type XmlElement, type XmlNode } from './xml';

/**
 * One pass over word/document.xml in document order. It numbers the paragraphs that have text
 * (¶1, ¶2 … as the reader meets them, table cells and text boxes included), works out Word's
 * automatic numbers, collects what a published file hides (tracked deletions, comment anchors,
 * alt text, authors) and notes what cannot be converted. It also writes a copy of the XML for
 * mammoth with a marker at the start of each numbered paragraph and the numbers written out, so
 * each converted block can be traced back to its Word paragraph.
 */

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
export const OUTLINE_STYLE_PREFIX = 'AuditLintOutline';

export interface WordParagraph {
  /** 1-based, in document order, counting paragraphs with text. */
  number: number;
  /** The paragraph's text as Word shows it, numbering label included. */
  text: string;
  headingLevel: number | undefined;
  isTitle: boolean;
  /** The number Word shows, when the paragraph is numbered (not a bullet). */
  label: NumberLabel | undefined;
  /** The number was written into the text (a Markdown ordered list could not show it). */
  labelWritten: boolean;
}

export interface BodyHidden {
  where: string;
  text: string;
  paragraph: number | undefined;
  /** The text is a person's name field (an author), not prose. */
  personField?: boolean;
}

export interface BodyScan {
  paragraphs: WordParagraph[];
  /** document.xml with markers and written-out numbers, for mammoth. */
  markedXml: string;
  /** Heading styles as mammoth style-map lines. */
  styleMap: string[];
  hidden: BodyHidden[];
  /** Comment id → the paragraph it is anchored to. */
  commentAnchors: Map<string, number | undefined>;
  lossy: string[];
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

const CANCEL_NUMBERING = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
const UNCONVERTIBLE: Record<string, string> = {
  'c:chart': 'a chart',
  'w:object': 'an embedded object',
  'o:OLEObject': 'an embedded object',
  'dgm:relIds': 'a SmartArt graphic',
  'wps:wsp': 'a shape',
  'v:shape': 'a shape',
  'v:rect': 'a shape',
  'v:oval': 'a shape',
  'v:line': 'a line',
  'w:fldSimple': 'a field',
};

/**
 * The text of a paragraph itself, piece by piece with the element each piece comes from: not
 * nested text boxes, deletions or field codes. A tab or break is a space.
 */
export function ownTextPieces(node: XmlNode, emit: (text: string, element: XmlElement) => void): void {
  if (typeof node === 'string') return;
  switch (node.name) {
    case 'w:t': emit(node.children.filter((c) => typeof c === 'string').join(''), node); return;
    case 'w:tab': case 'w:br': case 'w:cr': emit(' ', node); return;
    case 'w:noBreakHyphen': emit('-', node); return;
    case 'w:del': case 'w:delText': case 'w:instrText': case 'mc:Choice': case 'w:txbxContent': case 'w:pPr': case 'w:rPr':
      return;
    default: for (const c of node.children) ownTextPieces(c, emit);
  }
}

/** A paragraph's own text, whitespace collapsed: empty for a paragraph Word readers do not count. */
export function ownText(node: XmlElement): string {
  const pieces: string[] = [];
  ownTextPieces(node, (text) => pieces.push(text));
  return pieces.join('').replace(/\s+/g, ' ').trim();
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function scanBody(xml: string, body: XmlElement, styles: Styles, numbering: Numbering): BodyScan {
  const paragraphs: WordParagraph[] = [];
  const hidden: BodyHidden[] = [];
  const commentAnchors = new Map<string, number | undefined>();
  const edits: Edit[] = [];
  const unconvertible = new Map<string, number>();
  const outlineLevels = new Set<number>();
  let current: number | undefined;

  const note = (what: string) => unconvertible.set(what, (unconvertible.get(what) ?? 0) + 1);

  const paragraph = (p: XmlElement) => {
    const pPr = child(p, 'w:pPr');
    const styleId = val(pPr, 'w:pStyle');
    const directOutline = val(pPr, 'w:outlineLvl');
    const styleLevel = styles.headingLevel(styleId);
    const directLevel = directOutline !== undefined && Number(directOutline) < 9 ? Number(directOutline) + 1 : undefined;
    const headingLevel = directLevel ?? styleLevel;
    const numPr = child(pPr, 'w:numPr');
    const numId = val(numPr, 'w:numId');
    let ref: NumberingRef | undefined;
    if (numId !== undefined) {
      const ilvl = val(numPr, 'w:ilvl');
      ref = { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl), styleId };
    } else {
      ref = styles.numbering(styleId);
    }
    const label = ref && ref.numId !== '0' ? numbering.next(ref) : undefined;
    const text = ownText(p);
    if (text === '') return;
    const number = paragraphs.length + 1;
    current = number;
    const bullet = label?.format === 'bullet';
    const writeLabel = label !== undefined && !bullet && label.text !== '' && (headingLevel !== undefined || !label.simpleDecimal);
    const shownLabel = label && !bullet && label.text !== '' ? `${label.text} ` : '';
    paragraphs.push({
      number,
      text: `${shownLabel}${text}`,
      headingLevel,
      isTitle: styles.isTitle(styleId) && headingLevel === undefined,
      label: bullet ? undefined : label,
      labelWritten: writeLabel,
    });
    let properties = '';
    if (writeLabel) {
      if (numPr) edits.push({ at: numPr.start, end: numPr.end, text: '' });
      properties += CANCEL_NUMBERING;
    }
    if (directLevel !== undefined && directLevel !== styleLevel) {
      outlineLevels.add(directLevel);
      const pStyle = child(pPr, 'w:pStyle');
      if (pStyle) edits.push({ at: pStyle.start, end: pStyle.end, text: '' });
      properties += `<w:pStyle w:val="${OUTLINE_STYLE_PREFIX}${directLevel}"/>`;
    }
    const run = `<w:r><w:t xml:space="preserve">${MARK_OPEN}${number}${MARK_CLOSE}${writeLabel ? escapeXml(`${label!.text} `) : ''}</w:t></w:r>`;
    if (pPr) {
      if (properties) edits.push({ at: pPr.openEnd, end: pPr.openEnd, text: properties });
      edits.push({ at: pPr.end, end: pPr.end, text: run });
    } else {
      edits.push({ at: p.openEnd, end: p.openEnd, text: `${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${run}` });
    }
  };

  const visit = (node: XmlElement) => {
    switch (node.name) {
      case 'mc:Choice':
        return; // mammoth reads the fallback of alternative content; so do the numbers
      case 'w:p':
        if (node.closeStart !== node.openEnd) paragraph(node);
        break;
      case 'w:del': {
        const text = delText(node);
        if (text.trim()) hidden.push({ where: 'in a tracked deletion', text, paragraph: current });
        authorOf(node, 'deletion');
        return;
      }
      case 'w:ins':
        authorOf(node, 'insertion');
        break;
      case 'w:commentRangeStart':
      case 'w:commentReference': {
        const id = attr(node, 'w:id');
        if (id !== undefined && !commentAnchors.has(id)) commentAnchors.set(id, current);
        break;
      }
      case 'wp:docPr':
      case 'pic:cNvPr': {
        for (const key of ['descr', 'title']) {
          const text = attr(node, key);
          if (text?.trim() && node.name === 'wp:docPr') hidden.push({ where: 'in the alt text of an image', text, paragraph: current });
        }
        break;
      }
      case 'w:txbxContent':
        if (!unconvertible.has('text box')) unconvertible.set('text box', 0);
        break;
      default:
        if (UNCONVERTIBLE[node.name] && !hasTextBox(node)) note(UNCONVERTIBLE[node.name]);
    }
    for (const c of node.children) if (typeof c !== 'string') visit(c);
  };

  const authors = new Set<string>();
  /** Each change author once per kind of change: one finding per person, not per edit. */
  const authorOf = (node: XmlElement, kind: string) => {
    const author = attr(node, 'w:author')?.trim();
    const where = `in the author of a tracked ${kind}`;
    if (!author || authors.has(`${where}\n${author}`)) return;
    authors.add(`${where}\n${author}`);
    hidden.push({ where, text: author, paragraph: current, personField: true });
  };

  visit(body);

  // Edits never overlap; insertions at one offset keep the order they were made in.
  edits.sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let done = 0;
  for (const edit of edits) {
    pieces.push(xml.slice(done, edit.at), edit.text);
    done = Math.max(done, edit.end);
  }
  pieces.push(xml.slice(done));
  const markedXml = pieces.join('');

  const styleMap: string[] = [];
  for (const id of styles.ids()) {
    const level = styles.headingLevel(id);
    if (level !== undefined && /^[A-Za-z][\w-]*$/.test(id)) styleMap.push(`p.${id} => h${Math.min(level, 6)}:fresh`);
    else if (styles.isTitle(id) && /^[A-Za-z][\w-]*$/.test(id)) styleMap.push(`p.${id} => h1:fresh`);
  }
  for (const level of outlineLevels) styleMap.push(`p.${OUTLINE_STYLE_PREFIX}${level} => h${Math.min(level, 6)}:fresh`);

  const lossy: string[] = [];
  for (const [what, count] of unconvertible) {
    if (what === 'text box') lossy.push('Text boxes are written as ordinary paragraphs where they stand.');
    else if (what === 'a field') continue;
    else lossy.push(`${count === 1 ? `${what[0].toUpperCase()}${what.slice(1)} was` : `${count} × ${what.replace(/^an? /, '')} were`} left out: it cannot be written as Markdown.`);
  }
  return { paragraphs, markedXml, styleMap, hidden, commentAnchors, lossy };
}

function delText(node: XmlNode): string {
  if (typeof node === 'string') return '';
  if (node.name === 'w:delText') return node.children.filter((c) => typeof c === 'string').join('');
  const joined = node.children.map(delText).join('');
  return node.name === 'w:p' ? `${joined} ` : joined;
}

function hasTextBox(node: XmlElement): boolean {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:txbxContent' || hasTextBox(c)) return true;
  }
  return false;
}
