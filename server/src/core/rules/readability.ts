import { addStatistics, fleschReadingEase, noStatistics, textStatistics, type TextStatistics } from '../analysis/readability';
import { memoByText } from '../memo';
import { splitSentences } from '../model/sentences';
import type { ProseBlock, Rule } from '../types';

/** Below this many words a reading-ease score says more about chance than about the text. */
const MIN_SECTION_WORDS = 100;

/**
 * Text pasted from a PDF runs list items and headings together with no full stop between them.
 * A line that ends without punctuation, followed by one that starts with a capital, is taken as
 * a break, so that run-together lines are not counted as one long sentence.
 */
function pieceBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(/(?<=[\p{L}\p{N})])[ \t]*(?:\r\n|\r|\n)[ \t>]*(?=[\p{Lu}\d•-])/gu)) {
    bounds.push([from, m.index]);
    from = m.index + m[0].length;
  }
  bounds.push([from, text.length]);
  return bounds;
}

/** What the rule reads of one block: each piece's place in the block's text and words, and the counts for its section's score. */
interface BlockReading {
  /** Start, end (trailing space left out) and words of each piece, three numbers a piece. */
  pieces: number[];
  stats: TextStatistics;
}

/** Remembered by the block's text: an edit leaves most blocks' sentences as they were. */
const blockReading = memoByText((text: string): BlockReading => {
  const pieces: number[] = [];
  const stats = noStatistics();
  for (const sentence of splitSentences(text, 0, text.length)) {
    for (const [from, to] of pieceBounds(sentence.text)) {
      const piece = sentence.text.slice(from, to);
      const counts = textStatistics([piece]);
      addStatistics(stats, counts);
      const start = sentence.start + from;
      pieces.push(start, start + piece.trimEnd().length, counts.words);
    }
  }
  return { pieces, stats };
});

/** Running prose: paragraphs and list items, not headings, table cells or quotations. */
const isProse = (block: ProseBlock): boolean => !block.quoted && (block.kind === 'paragraph' || block.kind === 'listItem');

/** Each message made once per length and limit: a long report has thousands of long sentences but few lengths. */
const longSentenceMessages = new Map<number, string>();

function longSentenceMessage(count: number, limit: number): string {
  const key = count * 0x10000 + limit;
  let message = longSentenceMessages.get(key);
  if (message === undefined) {
    message = `This sentence has ${count} words (limit ${limit}). Long sentences lose readers: split it where a new idea starts, put the main point first, and keep to one idea a sentence.`;
    longSentenceMessages.set(key, message);
  }
  return message;
}

export const rule: Rule = {
  meta: {
    id: 'readability',
    description: 'Sentences longer than the configured limit (25 words by default) and sections whose reading ease is below the target for the audience.',
    category: 'wording',
    defaultSeverity: 'info',
    fixable: false,
    rationale: 'Families, practitioners and board members read these reports, often quickly. GOV.UK asks writers to check any sentence over 25 words, and plain-English guidance aims at an average of 15 to 20. A low Flesch reading ease means long sentences and long words. Limits follow readability.audience and can be set with readability.maxSentenceWords and readability.minReadingEase. Headings, tables and quotations are not counted.',
    bad: 'The audit found that in the majority of cases there was evidence of multi-agency working but that the effectiveness of this was variable and dependent upon the individual practitioners involved and their understanding of neglect.',
    good: 'In most cases agencies worked together. How well depended on the practitioner and on how well they understood neglect.',
  },
  check({ model, settings, report }) {
    const { maxSentenceWords, minReadingEase, audience } = settings.readability;
    const bySection = new Map<number, TextStatistics>();
    for (const block of model.blocks) {
      if (!isProse(block)) continue;
      const { pieces, stats } = blockReading(block.text, block.facts);
      for (let i = 0; i < pieces.length; i += 3) {
        const count = pieces[i + 2];
        if (count <= maxSentenceWords) continue;
        report({
          start: block.start + pieces[i],
          end: block.start + pieces[i + 1],
          message: longSentenceMessage(count, maxSentenceWords),
          data: { words: count, limit: maxSentenceWords },
        });
      }
      let own = bySection.get(block.section);
      if (!own) bySection.set(block.section, (own = noStatistics()));
      addStatistics(own, stats);
    }
    for (const section of model.sections) {
      const stats = bySection.get(section.index) ?? noStatistics();
      const readingEase = fleschReadingEase(stats);
      if (stats.words < MIN_SECTION_WORDS || !(readingEase < minReadingEase)) continue;
      const ease = Math.round(readingEase);
      const average = (stats.sentences ? stats.words / stats.sentences : 0).toFixed(0);
      const long = Math.round((stats.polysyllables / stats.words) * 100);
      report({
        start: section.start,
        end: section.headingEnd,
        message: `"${section.title}" is hard to read: reading ease ${ease}, below the target of ${minReadingEase} for ${audience === 'public' ? 'a public' : audience === 'board' ? 'a board' : 'a practitioner'} audience (${average} words a sentence on average; ${long}% of words have three or more syllables). Shorter sentences and everyday words ("use" for "utilise", "about" for "in relation to") raise it.`,
        data: { readingEase: ease, target: minReadingEase, averageSentenceWords: Number(average) },
      });
    }
  },
};
