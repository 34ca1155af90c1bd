import { DocxError } from './errors';

/**
 * A small XML reader for the parts of a Word package: elements with their attributes, text and
 * source offsets (so a part can be edited in place). Only the five predefined entities and
 * character references are decoded; a document type declaration is refused, so no entity is ever
 * defined, expanded or fetched.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of "<" of the start tag, and just after its ">". */
  start: number;
  openEnd: number;
  /** Offset of "<" of the end tag (openEnd for an empty element), and just after its ">". */
  closeStart: number;
  end: number;
}
export type XmlNode = XmlElement | string;

/** Word nests a few dozen elements deep; far deeper is a crafted file, and would exhaust the readers' stacks. */
export const MAX_XML_DEPTH = 500;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string, part: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [], start: 0, openEnd: 0, closeStart: xml.length, end: xml.length };
  const stack: XmlElement[] = [root];
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(xml); match; match = TAG.exec(xml)) {
    const parent = stack[stack.length - 1];
    if (match.index > last) addText(parent, decodeEntities(xml.slice(last, match.index)));
    last = TAG.lastIndex;
    const [whole, closing, name, attrText, selfClosing, cdata] = match;
    if (whole === '<!') {
      throw new DocxError('unsafe-xml', `has a document type declaration in ${part}; Word never writes one, and entities are not expanded. The file may be crafted; it was not read`);
    }
    if (cdata !== undefined) {
      addText(parent, cdata);
      continue;
    }
    if (name === undefined) continue; // a comment or processing instruction
    if (closing) {
      if (parent.name !== name) throw new DocxError('corrupt', `has malformed XML in ${part} (</${name}> closes <${parent.name}>)`);
      parent.closeStart = match.index;
      parent.end = TAG.lastIndex;
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attr of (attrText ?? '').matchAll(ATTR)) attrs[attr[1]] = decodeEntities(attr[2] ?? attr[3] ?? '');
    const element: XmlElement = { name, attrs, children: [], start: match.index, openEnd: TAG.lastIndex, closeStart: TAG.lastIndex, end: TAG.lastIndex };
    parent.children.push(element);
    if (!selfClosing) {
      stack.push(element);
      if (stack.length > MAX_XML_DEPTH) throw new DocxError('corrupt', `has XML in ${part} nested more than ${MAX_XML_DEPTH} elements deep, which Word never writes; it may be crafted`);
    }
  }
  if (stack.length !== 1) throw new DocxError('corrupt', `has malformed XML in ${part} (<${stack[stack.length - 1].name}> is never closed)`);
  return root;
}

function addText(parent: XmlElement, text: string): void {
  const previous = parent.children[parent.children.length - 1];
  if (typeof previous === 'string') parent.children[parent.children.length - 1] = previous + text;
  else parent.children.push(text);
}

export function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Every descendant element with this name, in document order (not looking inside a match). */
export function descendants(node: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

export function attr(node: XmlElement | undefined, name: string): string | undefined {
  return node?.attrs[name];
}

/** The `w:val` of a child, e.g. val(pPr, 'w:pStyle'). */
export function val(node: XmlElement | undefined, name: string): string | undefined {
  return child(node, name)?.attrs['w:val'];
}

/** Concatenated character data of a subtree. */
export function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  return node.children.map(textOf).join('');
}
