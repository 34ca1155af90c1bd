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

/** "Was neglect recognised early?", also without its question mark as audit tools list them. */
function isQuestion(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || /^[\s\d.•·-]*(?:was|were|did|does|do|is|are|has|have|had)\s+(?!not\b)[\w'’-]+\s/i.test(sentence) && !/[.!]\s*$/.test(sentence);
}

/** "Elective home education means …", "… is defined as …": a term being defined (not "This means that …"). */
const DEFINES = /^[\s\d.•·-]*["“‘']?(?!(?:this|that|it|which|what|these|those)\b)[\p{L}][\p{L}\p{N}'’ ,/()&-]{0,80}?["”’']?\s+(?:means|mean|is defined as|are defined as|is the term used for|refers to|are described as|is described as)\b/iu;
/** A sentence that ends by citing its source: "… (Working Together to Safeguard Children 2023)." */
const CITED = /\((?:[^()]*\b(?:19|20)\d{2}\b[^()]*|[^()]*\b(?:Working Together|Children Act|Act|Regulations|Statutory Guidance|HM Government|Department for Education|DfE)\b[^()]*)\)\s*["”]?[.;]?\s*$/;

function isDefinition(sentence: string): boolean {
  return DEFINES.test(sentence) || (CITED.test(sentence) && /\s(?:is|are|means|includes?)\s/.test(sentence));
}

type SentenceKind = 'question' | 'definition' | 'claim';

function sentenceKind(sentence: string): SentenceKind {
  if (isDefinition(sentence)) return 'definition';
  return isQuestion(sentence) ? 'question' : 'claim';
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
  const kinds = new Map<object, SentenceKind>();
  model.blocks.forEach((block, index) => {
    // Three rules share this walk over every block: past the time budget, stop looking.
    if (context.overBudget() || block.quoted || (block.kind === 'heading' && !options.headings)) return;
    const text = model.prose.slice(block.start, block.end);
    const action = actionAt(actions, block.start);
    const section = model.sections[block.section];
    const sentences = sentencesOf[index];
    for (const match of findWeakWording(text, categories, { inAction: action !== undefined, vocabulary: settings.vocabulary })) {
      if (match.quoted || section?.effectiveIds.some((id) => match.entry.notInSections?.includes(id))) continue;
      if (!options.everywhere && !match.entry.quantity && NEGATION.test(text.slice(Math.max(0, match.start - 40), match.start))) continue;
      const start = block.start + match.start;
      const at = sentenceAt(sentences, start);
      const sentence = at?.text ?? text;
      // Judged once per sentence: a long sentence can hold many hits.
      let kind = kinds.get(at ?? block);
      if (kind === undefined) kinds.set(at ?? block, (kind = sentenceKind(sentence)));
      // A question (an audit question, a prompt for teams) asks; it does not claim.
      if (!options.everywhere && kind === 'question') continue;
      // A definition or a cited source is someone else's wording, not the author's claim.
      if (kind === 'definition') continue;
      hits.push({
        entry: match.entry,
        start,
        end: block.start + match.end,
        text: text.slice(match.start, match.end),
        block,
        section,
        action,
        sentence,
      });
    }
  });
  return hits;
}

/** "robust": reason. Better: suggestion (in terms of the cases audited, when their number is known). */
export function teach(hit: WordingHit, what: string, cases?: number): string {
  const template = cases !== undefined && hit.entry.suggestionWithCases;
  const suggestion = (template ? template.replaceAll('{cases}', String(cases)) : hit.entry.suggestion).replace(/\.?$/, '.');
  return `${what} "${hit.text.replace(/\s+/g, ' ')}": ${hit.entry.reason} Better: ${suggestion}`;
}

export function hitData(hit: WordingHit): Record<string, unknown> {
  return { term: hit.entry.id, category: hit.entry.category, suggestion: hit.entry.suggestion };
}
