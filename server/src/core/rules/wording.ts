import { actionAt, summariseActions, type ActionSummary } from '../actions';
import { findWeakWording, type Category, type LexiconEntry } from '../analysis/lexicon';
import { insideSpan, protectedSpans, type ProtectedSpan } from '../analysis/protected-spans';
import { memoByTextWith } from '../memo';
import type { ProseWord } from '../model/words';
import { blockSentences, partitionPoint } from '../model/spans';
import { isDefinition, isQuestion } from '../model/roles';
import type { ProseBlock, RuleContext, Section, Sentence, SentenceRole } from '../types';

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
  /** What the sentence does. */
  role: SentenceRole;
  /** The name or statutory term the words lie inside ("the Learning and Improvement Sub-group", "care and support needs"). */
  inside: ProtectedSpan['kind'] | undefined;
}

/**
 * "not timely", "no clear plan", "without consulting", "whether care had improved", "how effective
 * the partnership is": a finding that something was absent, or a question about it, not vague wording.
 */
const NEGATION =
  /(?<![A-Za-z])(?:(?:not|never|no|nor|without|lack(?:s|ed|ing)? of|lacking|rarely|seldom|little|insufficient)\s+(?:[A-Za-z'’-]+\s+){0,3}|(?:whether|how)\s+(?:[A-Za-z'’-]+\s+){0,4}|what\s+(?:else\s+)?(?:[A-Za-z'’-]+\s+){0,4}(?:could|should|can|might|would)\s+(?:[A-Za-z'’-]+\s+){0,3})$/i;

export interface HitOptions {
  /** Headings are labels, not the author's claims; stigmatising labels count there too. */
  headings?: boolean;
  /**
   * Also report words in questions and after a negation. A question or an absence ("was not
   * timely") is not a vague claim, but a label is wrong even there.
   */
  everywhere?: boolean;
}

/** Sentences that are not the author's claims: what the audit set out to do, someone else's words. */
const NOT_CLAIMS: ReadonlySet<SentenceRole> = new Set(['definition', 'quotation', 'scope', 'speech']);
/** Sentences in someone else's words: not even a label there is the author's. */
const NOT_WORDING: ReadonlySet<SentenceRole> = new Set(['definition', 'quotation', 'speech']);

/** The names and statutory terms of a block's prose, found only for blocks with hits, once per text. */
const spansOfBlock = memoByTextWith((text: string, words: readonly ProseWord[]) => protectedSpans(text, words));

/** The role of the sentence a hit is in; a block without sentences (a heading) is judged as a whole. */
function roleAt(sentence: Sentence | undefined, text: string): SentenceRole {
  if (sentence) return sentence.role;
  if (isDefinition(text)) return 'definition';
  return isQuestion(text) ? 'question' : 'description';
}

/** The index of the first sentence that ends after an offset: sentences are in order and do not overlap, so by halves. */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  return partitionPoint(sentences.length, (index) => sentences[index].end <= offset);
}

/** The sentence of a block an offset falls in. */
function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const sentence = sentences[sentenceIndexAt(sentences, offset)];
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
    let spans: ProtectedSpan[] | undefined;
    // Three rules share this walk over every block: past the time budget, stop looking.
    if (context.overBudget() || block.quoted || (block.kind === 'heading' && !options.headings)) return;
    const text = block.text;
    const action = actionAt(actions, block.start);
    const section = model.sections[block.section];
    const sentences = sentencesOf[index];
    for (const match of findWeakWording(text, categories, { inAction: action !== undefined, vocabulary: settings.vocabulary, words: model.words[index], facts: block.facts })) {
      if (match.quoted || section?.effectiveIds.some((id) => match.entry.notInSections?.includes(id))) continue;
      if (!options.everywhere && !match.entry.quantity && NEGATION.test(text.slice(Math.max(0, match.start - 40), match.start))) continue;
      const start = block.start + match.start;
      const at = sentenceAt(sentences, start);
      const sentence = at?.text ?? text;
      const role = roleAt(at, sentence);
      if (match.entry.scope === 'finding' && role !== 'finding') continue;
      // A question (an audit question, a prompt for teams) asks; it does not claim.
      if (!options.everywhere && role === 'question') continue;
      // A definition, a quotation, a child's own words or the audit's scope are not the author's claims.
      if (options.everywhere ? NOT_WORDING.has(role) : NOT_CLAIMS.has(role)) continue;
      // Only blocks with hits are read for names and statutory terms.
      spans ??= spansOfBlock(text, model.words[index], block.facts);
      const inside = insideSpan(spans, match.start, match.end)?.kind;
      // A name or a statutory term is not the author's wording to change.
      if (!options.everywhere && inside) continue;
      hits.push({
        entry: match.entry,
        start,
        end: block.start + match.end,
        text: text.slice(match.start, match.end),
        block,
        section,
        action,
        sentence,
        role,
        inside,
      });
    }
  });
  return hits;
}

/** "robust": reason. Better: suggestion (in terms of the cases audited, when their number is known). */
export function teach(hit: WordingHit, what: string, cases?: number): string {
  let made = lessons.get(hit.entry);
  if (!made) lessons.set(hit.entry, (made = new Map()));
  const key = `${what}\u0000${cases}\u0000${hit.text}`;
  let message = made.get(key);
  if (message === undefined) {
    const template = cases !== undefined && hit.entry.suggestionWithCases;
    const suggestion = (template ? template.replaceAll('{cases}', String(cases)) : hit.entry.suggestion).replace(/\.?$/, '.');
    message = `${what} "${hit.text.replace(/\s+/g, ' ')}": ${hit.entry.reason} Better: ${suggestion}`;
    if (made.size >= LESSONS_KEPT) made.clear();
    made.set(key, message);
  }
  return message;
}

/** Messages already made for each entry, by what, cases and words: a long report repeats a few of them thousands of times. */
const lessons = new WeakMap<LexiconEntry, Map<string, string>>();
const LESSONS_KEPT = 1000;

export function hitData(hit: WordingHit): Record<string, unknown> {
  return { term: hit.entry.id, category: hit.entry.category, suggestion: hit.entry.suggestion };
}
