import type { NumberedParagraph, ProseBlock } from '../types';

const NUMBER_PREFIX = /^\s*(\d+(?:\.\d+)+)(?=[\s.)]|$)/;

/** Paragraphs and list items that start with a section-style number ("5.1"). */
export function numberedParagraphs(blocks: ProseBlock[], prose: string): NumberedParagraph[] {
  const numbered: NumberedParagraph[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') continue;
    const match = NUMBER_PREFIX.exec(prose.slice(block.start, Math.min(block.end, block.start + 40)));
    if (!match) continue;
    const numberStart = block.start + match[0].length - match[1].length;
    numbered.push({
      id: match[1],
      parts: match[1].split('.').map(Number),
      start: numberStart,
      numberEnd: numberStart + match[1].length,
      end: block.end,
      section: block.section,
    });
  }
  return numbered;
}
