import { assessReadability, countWords } from '../analysis/readability';
import { memoByText } from '../memo';
import { matchesOf } from '../text';
import type { DocumentModel, ProseBlock, Rule, Sentence } from '../types';

/** Below this many words a reading-ease score says more about chance than about the text. */
const MIN_SECTION_WORDS = 100;

/**
 * Text pasted from a PDF runs list items and headings together with no full stop between them.
 * A line that ends without punctuation, followed by one that starts with a capital, is taken as
 * a break, so that run-together lines are not counted as one long sentence.
 */
function pieces(sentence: Sentence): { start: number; text: string }[] {
  return pieceBounds(sentence.text).map(([from, to]) => ({ start: sentence.start + from, text: sentence.text.slice(from, to) }));
}

const RUN_TOGETHER = /(?<=[\p{L}\p{N})])[ \t]*(?:\r\n|\r|\n)[ \t>]*(?=[\p{Lu}\d•-])/gu;

/** Where each piece of a sentence starts and ends: offsets only, so that nothing remembered holds on to the document. */
const pieceBounds = memoByText((text: string): [number, number][] => {
  // Most sentences are on one line: without a line break there is nothing to split.
  if (!/[\r\n]/.test(text)) return [[0, text.length]];
  const bounds: [number, number][] = [];
  let from = 0;
  for (const m of matchesOf(RUN_TOGETHER, text)) {
    bounds.push([from, m.index]);
    from = m.index + m[0].length;
  }
  bounds.push([from, text.length]);
  return bounds;
});

/** Running prose: paragraphs and list items, not headings, table cells or quotations. */
const isProse = (block: ProseBlock): boolean => !block.quoted && (block.kind === 'paragraph' || block.kind === 'listItem');

function proseSentences(model: DocumentModel): Sentence[] {
  return model.sentences.filter((s) => isProse(model.blocks[s.block]));
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
    const sentences = proseSentences(model);
    const piecesOf = sentences.map(pieces);
    for (const own of piecesOf) {
      for (const piece of own) {
        const count = countWords(piece.text);
        if (count <= maxSentenceWords) continue;
        const text = piece.text.trimEnd();
        report({
          start: piece.start,
          end: piece.start + text.length,
          message: `This sentence has ${count} words (limit ${maxSentenceWords}). Long sentences lose readers: split it where a new idea starts, put the main point first, and keep to one idea a sentence.`,
          data: { words: count, limit: maxSentenceWords },
        });
      }
    }
    const bySection = new Map<number, string[]>();
    sentences.forEach((sentence, index) => {
      const own = bySection.get(sentence.section) ?? [];
      for (const piece of piecesOf[index]) own.push(piece.text);
      bySection.set(sentence.section, own);
    });
    for (const section of model.sections) {
      const own = bySection.get(section.index) ?? [];
      const assessment = assessReadability(own, audience, { maxSentenceWords, minReadingEase });
      if (assessment.stats.words < MIN_SECTION_WORDS || !(assessment.readingEase < minReadingEase)) continue;
      const ease = Math.round(assessment.readingEase);
      const average = assessment.averageSentenceWords.toFixed(0);
      const long = Math.round((assessment.stats.polysyllables / assessment.stats.words) * 100);
      report({
        start: section.start,
        end: section.headingEnd,
        message: `"${section.title}" is hard to read: reading ease ${ease}, below the target of ${minReadingEase} for ${audience === 'public' ? 'a public' : audience === 'board' ? 'a board' : 'a practitioner'} audience (${average} words a sentence on average; ${long}% of words have three or more syllables). Shorter sentences and everyday words ("use" for "utilise", "about" for "in relation to") raise it.`,
        data: { readingEase: ease, target: minReadingEase, averageSentenceWords: Number(average) },
      });
    }
  },
};
