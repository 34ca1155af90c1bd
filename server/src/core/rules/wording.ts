import { actionAt, summariseActions, type ActionSummary } from '../actions';
import { findWeakWording, type Category, type LexiconEntry } from '../analysis/lexicon';
import { blockSentences } from '../model/spans';
import type { ProseBlock, RuleContext, Section, Sentence } from '../types';

export interface WordingHit {
  entry: LexiconEntry;
  /** Document offsets of the weak words. */
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  block: ProseBlock;
  section: Section | undefined;
  /** The action the words are part of, if any. */
  action: ActionSummary | undefined;
  /** The prose of the sentence around the hit (the block when it has no sentences). */
  sentence: string;
}

/**
 * "not timely", "no clear plan", "without consulting", "whether care had improved", "how effective
 * the partnership is": a finding that something was absent, or a question about it, not vague wording.
 */
const NEGATION =
  /(?<![A-Za-z])(?:(?:not|never|no|nor|without|lack(?:s|ed|ing)? of|lacking|rarely|seldom|little|insufficient)\s+(?:[A-Za-z'’-]+\s+){0,3}|(?:whether|how)\s+(?:[A-Za-z'’-]+\s+){0,4})$/i;

export interface HitOptions {
  /** Headings are labels, not the author's claims; stigmatising labels count there too. */
  headings?: boolean;
  /**
   * Also report words in questions and after a negation. A question or an absence ("was not
   * timely") is not a vague claim, but a label is wrong even there.
   */
  everywhere?: boolean;
}

/** The sentence of a block an offset falls in: sentences are in order and do not overlap, so by binary search. */
function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sentences[mid].end <= offset) low = mid + 1;
    else high = mid;
  }
  const sentence = sentences[low];
  return sentence && sentence.start <= offset ? sentence : undefined;
}

/**
 * Lexicon hits of some categories in the author's own prose: not in code, comments, front matter,
 * block quotes or inline quotations, each with the action and section it falls in.
 */
export function wordingHits(context: RuleContext, categories: readonly Category[], options: HitOptions = {}): WordingHit[] {
  const { model, settings } = context;
  const actions = summariseActions(model, settings);
  const sentencesOf = blockSentences(model);
  const hits: WordingHit[] = [];
  model.blocks.forEach((block, index) => {
    // Three rules share this walk over every block: past the time budget, stop looking.
    if (context.overBudget() || block.quoted || (block.kind === 'heading' && !options.headings)) return;
    const text = model.prose.slice(block.start, block.end);
    const action = actionAt(actions, block.start);
    const sentences = sentencesOf[index];
    for (const match of findWeakWording(text, categories, { inAction: action !== undefined, vocabulary: settings.vocabulary })) {
      if (match.quoted) continue;
      if (!options.everywhere && NEGATION.test(text.slice(Math.max(0, match.start - 40), match.start))) continue;
      const start = block.start + match.start;
      const sentence = sentenceAt(sentences, start)?.text ?? text;
      // A question (an audit question, a prompt for teams) asks; it does not claim.
      if (!options.everywhere && /\?\s*$/.test(sentence)) continue;
      hits.push({
        entry: match.entry,
        start,
        end: block.start + match.end,
        text: text.slice(match.start, match.end),
        block,
        section: model.sections[block.section],
        action,
        sentence,
      });
    }
  });
  return hits;
}

/** "robust": reason. Better: suggestion. */
export function teach(hit: WordingHit, what: string): string {
  const suggestion = hit.entry.suggestion.replace(/\.?$/, '.');
  return `${what} "${hit.text.replace(/\s+/g, ' ')}": ${hit.entry.reason} Better: ${suggestion}`;
}

export function hitData(hit: WordingHit): Record<string, unknown> {
  return { term: hit.entry.id, category: hit.entry.category, suggestion: hit.entry.suggestion };
}
