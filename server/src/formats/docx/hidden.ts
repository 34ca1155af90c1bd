import type { BodyHidden } from './body';
import type { WordPackage } from './package';
import { descendants, elements, textOf, type XmlElement } from './xml';

/**
 * What a reader of the Word file can recover that the converted report does not show: comments
 * and their authors, headers and footers, and the document properties. (Tracked deletions, alt
 * text and change authors are collected by the body scan.)
 */
export function hiddenParts(pkg: WordPackage, commentAnchors: Map<string, number | undefined>): BodyHidden[] {
  const hidden: BodyHidden[] = [];
  for (const part of pkg.related(pkg.mainPart, 'comments')) {
    const root = pkg.xml(part);
    if (!root) continue;
    for (const comment of descendants(root, 'w:comment')) {
      const paragraph = commentAnchors.get(comment.attrs['w:id'] ?? '');
      const text = paragraphsText(comment);
      if (text.trim()) hidden.push({ where: 'in a comment', text, paragraph });
      const author = comment.attrs['w:author'];
      if (author?.trim()) hidden.push({ where: 'in the author of a comment', text: author, paragraph, personField: true });
    }
  }
  for (const kind of ['header', 'footer'] as const) {
    for (const part of pkg.related(pkg.mainPart, kind)) {
      const root = pkg.xml(part);
      const text = root ? paragraphsText(root) : '';
      if (text.trim()) hidden.push({ where: `in a ${kind}`, text, paragraph: undefined });
    }
  }
  const properties: [string, string, string, boolean][] = [
    ['core-properties', 'dc:creator', 'author', true],
    ['core-properties', 'cp:lastModifiedBy', 'last modified by', true],
    ['core-properties', 'dc:subject', 'subject', false],
    ['core-properties', 'cp:keywords', 'keywords', false],
    ['core-properties', 'dc:description', 'comments', false],
    ['extended-properties', 'Manager', 'manager', true],
    ['extended-properties', 'Company', 'company', false],
  ];
  for (const [type, element, label, personField] of properties) {
    for (const part of pkg.related('', type)) {
      const root = pkg.xml(part);
      const found = root ? descendants(root, element)[0] : undefined;
      const text = found ? textOf(found).trim() : '';
      if (text) hidden.push({ where: `in the document properties: ${label}`, text, paragraph: undefined, personField });
    }
  }
  return hidden;
}

/** Text of the paragraphs under an element, a space between paragraphs; deleted text left out. */
export function paragraphsText(root: XmlElement): string {
  const out: string[] = [];
  const visit = (node: XmlElement) => {
    if (node.name === 'w:delText' || node.name === 'w:instrText') return;
    if (node.name === 'w:t') {
      out.push(textOf(node));
      return;
    }
    if (node.name === 'w:tab' || node.name === 'w:br') out.push(' ');
    for (const c of elements(node)) visit(c);
    if (node.name === 'w:p') out.push(' ');
  };
  visit(root);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The text of a core property ("dc:title", "dcterms:created"), if set. */
function coreProperty(pkg: WordPackage, name: string): string | undefined {
  for (const part of pkg.related('', 'core-properties')) {
    const root = pkg.xml(part);
    const element = root ? descendants(root, name)[0] : undefined;
    const text = element ? textOf(element).trim() : '';
    if (text) return text;
  }
  return undefined;
}

/** The document's title in its properties, if set. */
export function propertyTitle(pkg: WordPackage): string | undefined {
  return coreProperty(pkg, 'dc:title');
}

/** The document's date as its properties give it: a custom "date" property, else when it was created (W3CDTF). */
export function propertyDate(pkg: WordPackage): string | undefined {
  return customProperties(pkg).get('date') || coreProperty(pkg, 'dcterms:created');
}

/** Custom properties (File › Properties › Custom; pandoc writes front matter fields there). */
export function customProperties(pkg: WordPackage): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of pkg.related('', 'custom-properties')) {
    const root = pkg.xml(part);
    if (!root) continue;
    for (const property of descendants(root, 'property')) {
      const name = property.attrs.name;
      const value = elements(property)[0];
      if (name && value) found.set(name.toLowerCase(), textOf(value).trim());
    }
  }
  return found;
}
