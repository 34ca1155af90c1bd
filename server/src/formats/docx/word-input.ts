import type { DocumentModel, Finding, HiddenPassage } from '../../core/types';
import type { Root } from 'mdast';
import { parseDocument } from '../../core/chunks';
import { DocxError, readDocx, type DocxReading } from './index';

/** Files read as Word documents: .docx and .docm, and the legacy .doc (to say how to convert it). */
export const WORD_FILE = /\.(docx|docm|dotx|doc)$/i;

export function isWordFile(file: string): boolean {
  return WORD_FILE.test(file);
}

/** Where a finding on a Word document is in Word: the paragraph, and a quote from it. */
export interface FindingSource {
  paragraph?: number;
  quote?: string;
  /** For text the document hides: "in a comment". */
  where?: string;
}

export interface WordInput {
  reading: DocxReading;
  /** The hidden text, attached to the Markdown of the paragraph it belongs to. */
  hidden: HiddenPassage[];
  /** Options for the engine's lint of `reading.markdown`: the hidden text, and the tree already parsed. */
  lintOptions: { hidden: HiddenPassage[]; parse: (text: string) => Root };
}

export type WordRead = { input: WordInput } | { error: string };

/** Convert a Word file for the engine, or say why it cannot be read. */
export async function readWordFile(bytes: Buffer): Promise<WordRead> {
  try {
    const reading = await readDocx(bytes);
    const { markdown, paragraphMap } = reading;
    const hidden = reading.hidden.map((h) => {
      const start = h.paragraph === undefined ? 0 : paragraphMap.offsetOf(h.paragraph) ?? 0;
      const lineEnd = markdown.indexOf('\n', start);
      return { where: h.where, text: h.text, personField: h.personField, start, end: lineEnd < 0 ? markdown.length : lineEnd };
    });
    const parse = (text: string) => (text === markdown ? reading.tree : parseDocument(text));
    return { input: { reading, hidden, lintOptions: { hidden, parse } } };
  } catch (error) {
    if (error instanceof DocxError) return { error: error.message };
    // A reader library's own words mean nothing to the user.
    return { error: 'could not be read as a Word document: it may be damaged. Open it in Word and save it again' };
  }
}

const QUOTE_LENGTH = 40;

function shorten(text: string): string {
  if (text.length <= QUOTE_LENGTH) return text;
  const cut = text.slice(0, QUOTE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The Word paragraph of a finding and a quote a Word user can search for: the flagged words when
 * the paragraph holds them as written, else the paragraph's opening words.
 */
export function findingSource(finding: Finding, input: WordInput, model: DocumentModel): FindingSource {
  const hiddenIndex = finding.data.hidden;
  if (typeof hiddenIndex === 'number') {
    const passage = input.reading.hidden[hiddenIndex];
    const paragraph = passage?.paragraph === undefined ? undefined : input.reading.paragraphMap.paragraphs[passage.paragraph - 1];
    return { where: passage?.where, ...(paragraph ? { paragraph: paragraph.number, quote: shorten(paragraph.text) } : {}) };
  }
  const paragraph = input.reading.paragraphMap.paragraphAt(finding.start);
  if (!paragraph) return {};
  const flagged = model.prose.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim();
  const plain = paragraph.text.replace(/\s+/g, ' ');
  const head = shorten(flagged);
  const quote = flagged.length >= 3 && plain.includes(head.replace(/…$/, '')) ? head : shorten(plain);
  return { paragraph: paragraph.number, quote };
}
