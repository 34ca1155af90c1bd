import { memoByText } from '../memo';
import type { NumberedParagraph, ProseBlock } from '../types';

const NUMBER_PREFIX = /^\s*(\d+(?:\.\d+)+)(?=[\s.)]|$)/;
/** A digit after any spaces at the block's start: told without cutting the block's opening words. */
const DIGIT_FIRST = /\s*\d/y;

interface NumberPrefix {
  id: string;
  parts: number[];
  /** Where the number starts in the block. */
  at: number;
}

/** The section-style number a block's text opens with, if any; remembered by the text while a report is edited. */
const numberPrefixOf = memoByText((text: string): NumberPrefix | null => {
  DIGIT_FIRST.lastIndex = 0;
  if (!DIGIT_FIRST.test(text)) return null;
  const match = NUMBER_PREFIX.exec(text.slice(0, 40));
  if (!match) return null;
  return { id: match[1], parts: match[1].split('.').map(Number), at: match[0].length - match[1].length };
});

/** Paragraphs and list items that start with a section-style number ("5.1"). */
export function numberedParagraphs(blocks: ProseBlock[]): NumberedParagraph[] {
  const numbered: NumberedParagraph[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') continue;
    const prefix = numberPrefixOf(block.text, block.facts);
    if (!prefix) continue;
    const numberStart = block.start + prefix.at;
    numbered.push({
      id: prefix.id,
      parts: prefix.parts,
      start: numberStart,
      numberEnd: numberStart + prefix.id.length,
      end: block.end,
      section: block.section,
    });
  }
  return numbered;
}
