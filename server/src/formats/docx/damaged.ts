import { XMLValidator } from 'fast-xml-parser';
import { DocxError } from './errors';
import type { WordPackage } from './package';

/**
 * Parts a Word document can be read without: when one is damaged, the body is still read and a
 * note says what was left out and what that means for the lint.
 */
const CONSEQUENCES: [RegExp, string][] = [
  [/styles\w*\.xml$/i, 'headings are found only where a paragraph sets its outline level'],
  [/numbering\.xml$/i, 'the numbers Word shows ("2.3", "b)") are missing from paragraphs and headings'],
  [/comments\w*\.xml$/i, 'its comments were not checked for personal data'],
  [/(footnotes|endnotes)\.xml$/i, 'the notes were not linted'],
  [/(header|footer)\d*\.xml$/i, 'headers and footers were not checked for personal data'],
  [/^docProps\//i, 'the title, profile and authors in the document properties were not read or checked'],
  [/^_rels\/\.rels$/i, 'the document properties were not found'],
];

/** Parse every auxiliary XML part once; leave out (with a note) each that is not well formed. */
export function leaveOutDamagedParts(pkg: WordPackage): string[] {
  const notes: string[] = [];
  const mainRels = pkg.mainPart.replace(/([^/]+)$/, '_rels/$1.rels');
  for (const name of pkg.zip.names()) {
    if (!/\.(xml|rels)$/i.test(name) || name === pkg.mainPart || name === mainRels || name === '[Content_Types].xml') continue;
    try {
      pkg.xml(name);
      // The converter's XML reader is stricter than ours (an attribute without a value, say).
      if (XMLValidator.validate(pkg.text(name)) !== true) throw new DocxError('corrupt', 'not well formed');
    } catch (error) {
      if (!(error instanceof DocxError) || error.kind !== 'corrupt') throw error;
      pkg.leaveOut(name);
      const consequence = CONSEQUENCES.find(([pattern]) => pattern.test(name))?.[1];
      notes.push(`${name} is damaged and was left out${consequence ? `: ${consequence}` : ''}.`);
    }
  }
  return notes;
}
