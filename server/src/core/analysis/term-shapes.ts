import { countsOver, documentState, kept, memoByTextIn, memoByTextWith, type TextCounts, type TextFacts } from '../memo';
import { HAS_APOSTROPHE, HAS_HYPHEN, HAS_LETTER, isTitleCase, type ProseWord } from '../model/words';
import { britishSpelling, undoubled, type BritishSpelling } from './spelling';

/** One use of a term: where, as written, and its form (lower case, hyphens and spaces as written). */
export interface TermUse {
  start: number;
  end: number;
  written: string;
  form: string;
}

/** Prefixes that do not stand alone: "multi agency" is never right, whatever follows. */
export const BOUND_PREFIXES = new Set(['multi', 'inter', 'intra', 'non', 'co', 'sub', 'pre', 'post', 'anti', 'semi', 'self', 'ex', 'e', 'cyber', 'pro']);
/**
 * Words that make a different phrase when written apart: "in to" / "into", "every day" /
 * "everyday", "follow up" (a verb) / "follow-up" (a noun).
 */
const FREE_WORDS = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'to', 'by', 'for', 'of', 'up', 'down', 'out', 'off', 'over', 'under', 'back', 'away',
  'through', 'about', 'around', 'after', 'into', 'onto', 'with', 'within', 'without', 'any', 'every', 'some', 'no', 'all',
  'may', 'can', 'be', 'there', 'where', 'what', 'when', 'who', 'how', 'ever', 'more', 'one', 'body', 'thing', 'time',
  'times', 'day', 'days', 'way', 'ways', 'self', 'where', 'long', 'short', 'part', 'full', 'well', 'not', 'so', 'as',
  'and', 'or', 'is', 'are', 'was', 'were', 'has', 'have', 'do', 'did', 'go', 'going', 'get', 'set', 'run', 'make',
]);
/** A hyphen or dash with a space on either side, between two parts of one word: "self – assessment", "multi- agency". */
export const SPACED_DASH = /[a-z0-9](?: [-\u2010-\u2014]|[-\u2010-\u2014] | [-\u2010-\u2014] )[a-z0-9]/;

/** Is there a hyphen or dash between two offsets? Asked before the text between two words is cut. */
function hasDash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 45 || (code >= 0x2010 && code <= 0x2014)) return true;
  }
  return false;
}

export interface SpellingSettings {
  /** Names how American spellings are treated: "on", "on, Oxford" or "off". */
  treatment: string;
  /** uk-spelling reports this American form: it is its finding, not a variant to count here. */
  americanIsWrong(found: BritishSpelling): boolean;
}

/**
 * The key a word's spellings share: "organize" and "organise", "focussed" and "focused". Undefined for
 * an American spelling that uk-spelling reports: that is its finding, not a form to count here.
 */
export function spellingKey(word: string, spelling: SpellingSettings): string | undefined {
  const american = britishSpelling(word);
  if (american && spelling.americanIsWrong(american)) return undefined;
  let key = american ? american.british : word;
  if (key.endsWith('ed') || key.endsWith('ing')) key = undoubled(key);
  return key.includes('dgement') ? key.replace('dgement', 'dgment') : key;
}

/** A block of the author's prose: its words, each word's spelling key (undefined: not compared), and where it starts. */
export interface TermBlock {
  text: string;
  facts?: TextFacts;
  words: readonly ProseWord[];
  keys: readonly (string | undefined)[];
  start: number;
}

/** A hyphenated word that may be a term, offsets the block's. */
interface Hyphenated {
  /** Its parts joined: "multiagency". */
  raw: string;
  key: string;
  /** The word after it, when only spaces come between; else "". */
  next: string;
  firstPart: string;
  threeParts: boolean;
  start: number;
  end: number;
}

/** What a block's own words say about the shapes of its terms. */
interface BlockShapes {
  hyphenated: readonly Hyphenated[];
  /** Letter words over four letters: a closed compound ("healthcare") may be among them. */
  closed: readonly string[];
  /** Keys of words spelt otherwise than their key ("focussed"). */
  variants: readonly string[];
  /** Two words around a spaced hyphen or dash ("self – assessment"), offsets the block's. */
  dashed: readonly { pair: string; left: string; start: number; end: number }[];
}

function blockShapes(text: string, { words, keys }: TermBlock, spelling: SpellingSettings): BlockShapes {
  const hyphenated: Hyphenated[] = [];
  const closed: string[] = [];
  const variants: string[] = [];
  const dashed: { pair: string; left: string; start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const lower = word.lower;
    const next = words[i + 1];
    if (next && !next.spaced && !word.quoted && keys[i] !== undefined && keys[i + 1] !== undefined && word.shape & next.shape & HAS_LETTER) {
      if (hasDash(text, word.end, next.start) && SPACED_DASH.test(text.slice(word.end - 1, next.start + 1).toLowerCase())) {
        dashed.push({ pair: lower + next.lower, left: lower, start: word.start, end: next.start + next.lower.length });
      }
    }
    if (word.quoted) continue;
    if (word.shape & HAS_HYPHEN) {
      const parts = lower.split('-');
      // "re-cover" and "recover", "re-sign" and "resign" are different words; "2020-21" is not a term.
      if (parts[0] === 're' || parts.length > 3 || !(word.shape & HAS_LETTER) || parts.some((part) => part === '' || spellingKey(part, spelling) === undefined)) continue;
      hyphenated.push({
        raw: parts.join(''),
        key: parts.map((part) => spellingKey(part, spelling) ?? part).join(''),
        next: next?.spaced ? next.lower : '',
        firstPart: parts[0],
        threeParts: parts.length === 3,
        start: word.start,
        end: word.start + lower.length,
      });
    } else if (word.shape & HAS_LETTER) {
      const key = keys[i];
      if (key === undefined) continue;
      // A closed compound is two words of three letters or more ("healthcare"), or a prefix and a word ("email").
      if (lower.length > 4) closed.push(lower);
      if (key !== lower) variants.push(key);
    }
  }
  return { hyphenated: kept(hyphenated), closed: kept(closed), variants: kept(variants), dashed: kept(dashed) };
}

/** Does some block write a word apart as two ("health care" for "healthcare")? Asked only of words that came or went. */
function writtenApart(blocks: readonly TermBlock[], word: string): boolean {
  for (const { words, keys } of blocks) {
    for (let i = 0; i + 1 < words.length; i++) {
      const first = words[i].lower;
      const second = words[i + 1].lower;
      if (first.length + second.length === word.length && keys[i] !== undefined && words[i + 1].spaced && word.startsWith(first) && word.endsWith(second)) return true;
    }
  }
  return false;
}

/** The hyphenated words of the report, by their parts joined, and what is known of them. */
interface ReportHyphens {
  byRaw: Map<string, { key: string; following: Set<string> }>;
  firstParts: Set<string>;
  threeParts: boolean;
}

/** A span of a term's use in a block, offsets the block's. */
type Span = [key: string, start: number, end: number];

/**
 * Words written apart that are one term elsewhere in the report: "multi agency" beside "multi-agency",
 * "health care" beside "healthcare", "7 minute briefing" beside "7-minute briefing".
 */
function spacedSpans({ words, keys }: TermBlock, hyphens: ReportHyphens, closedWords: TextCounts, spelling: SpellingSettings): readonly Span[] {
  const spans: Span[] = [];
  const joined = (to: number) => to < words.length && words[to].spaced && keys[to] !== undefined;
  for (let i = 0; i + 1 < words.length; i++) {
    if (keys[i] === undefined || !joined(i + 1)) continue;
    const first = words[i].lower;
    const second = words[i + 1].lower;
    // Most pairs start or end with a small word ("of the", "and a"): only a hyphenated word's first part,
    // a prefix, two longer words, or two capitalised ones ("Well Being": a term, not "doing well") can be a term written apart.
    const longWords = first.length > 2 && second.length > 2 && first.length + second.length > 4;
    const titled = isTitleCase(words[i].text) && isTitleCase(words[i + 1].text);
    if (!(longWords && !FREE_WORDS.has(first) && !FREE_WORDS.has(second)) && !titled && !hyphens.firstParts.has(first) && !BOUND_PREFIXES.has(first)) continue;
    const pair = first + second;
    let last = i + 1;
    let hyphen = hyphens.byRaw.get(pair);
    const closed = closedWords.has(pair);
    if (!hyphen && !closed && hyphens.threeParts && joined(i + 2)) {
      hyphen = hyphens.byRaw.get(pair + words[i + 2].lower);
      last = i + 2;
    }
    if (!hyphen && !closed) continue;
    let comparable = BOUND_PREFIXES.has(first) || titled;
    // Two free words written apart are often right ("in the long term", "follow up a referral"): only
    // the same phrase ("long term plan" beside "long-term plan") or a closed compound ("health care", "healthcare") counts.
    if (!comparable && closed && !FREE_WORDS.has(first) && !FREE_WORDS.has(second) && first.length > 2 && second.length > 2) comparable = true;
    if (!comparable && hyphen) comparable = joined(last + 1) && hyphen.following.has(words[last + 1].lower);
    if (!comparable) continue;
    spans.push([hyphen ? hyphen.key : spellingKey(pair, spelling) ?? pair, words[i].start, words[last].start + words[last].lower.length]);
  }
  return kept(spans);
}

/** Closed words whose key another form shares. */
function closedSpans({ words, keys }: TermBlock, shared: ReadonlySet<string>): readonly Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const key = keys[i];
    if (key !== undefined && words[i].shape & HAS_LETTER && shared.has(key)) spans.push([key, words[i].start, words[i].start + words[i].lower.length]);
  }
  return kept(spans);
}

/** The key of a plain word (not hyphenated, not quoted): its spelling key, or the word itself when it has no letters. */
function plainKey(word: ProseWord, spelling: SpellingSettings): string | undefined {
  if (word.quoted || word.shape & HAS_HYPHEN) return undefined;
  if (word.shape & HAS_APOSTROPHE && word.lower.length >= word.text.length) return undefined;
  return word.shape & HAS_LETTER ? spellingKey(word.lower, spelling) : word.lower;
}

/** Each treatment of American spellings has its own analyses of a block, remembered by its text. */
interface ShapeAnalyses {
  /** Each word's key (undefined: not compared as a plain word). */
  keys: (text: string, words: readonly ProseWord[], facts?: TextFacts) => (string | undefined)[];
  shapes: (text: string, block: TermBlock, facts?: TextFacts) => BlockShapes;
  closedWords: (texts: readonly (readonly [string, TermBlock])[]) => TextCounts;
  spaced: (context: () => string) => (text: string, found: { block: TermBlock; hyphens: ReportHyphens; closedWords: TextCounts }, facts?: TextFacts) => readonly Span[];
  closedUses: (context: () => string) => (text: string, found: { block: TermBlock; shared: ReadonlySet<string> }, facts?: TextFacts) => readonly Span[];
  /** Counts the times the closed words of the report changed in a way that changes how words written apart read. */
  closedWordsChanged: object;
}

const analysesByTreatment = new Map<string, ShapeAnalyses>();

function analysesFor(spelling: SpellingSettings): ShapeAnalyses {
  let analyses = analysesByTreatment.get(spelling.treatment);
  if (!analyses) {
    const shapes = memoByTextWith((text: string, block: TermBlock) => blockShapes(text, block, spelling));
    analyses = {
      keys: memoByTextWith((_text: string, words: readonly ProseWord[]) => words.map((word) => plainKey(word, spelling))),
      shapes,
      closedWords: countsOver((text: string, block: TermBlock) => shapes(text, block).closed),
      spaced: memoByTextIn((_text: string, { block, hyphens, closedWords }) => spacedSpans(block, hyphens, closedWords, spelling)),
      closedUses: memoByTextIn((_text: string, { block, shared }) => closedSpans(block, shared)),
      closedWordsChanged: {},
    };
    analysesByTreatment.set(spelling.treatment, analyses);
  }
  return analyses;
}

/** The spelling key of each of a block's words, as the treatment of American spellings makes them: undefined for a word not compared as a plain word. */
export function termKeys(text: string, words: readonly ProseWord[], spelling: SpellingSettings, facts?: TextFacts): (string | undefined)[] {
  return analysesFor(spelling).keys(text, words, facts);
}

/** Names the hyphenated words of the report and what the spaced pairs read of them. */
function hyphensContext(hyphens: ReportHyphens): string {
  const entries = [...hyphens.byRaw].map(([raw, { key, following }]) => `${raw}=${key}>${[...following].sort().join(',')}`).sort();
  return `${hyphens.threeParts}|${[...hyphens.firstParts].sort().join(',')}|${entries.join(';')}`;
}

/**
 * Forms of one term by hyphens, spaces and spelling: "multi-agency", "multi agency", "multiagency";
 * "focused", "focussed"; "co-ordinate", "coordinate". Each block's own shapes are remembered by its
 * text; what its words written apart and its closed words mean depends on the whole report, and is
 * remembered while the report's hyphenated words, closed words and shared keys stay the same.
 */
export function shapeGroups(blocks: readonly TermBlock[], text: string, spelling: SpellingSettings, configuredKeys: ReadonlyMap<string, string>): Map<string, TermUse[]> {
  const analyses = analysesFor(spelling);
  // Start and end of each use, by key; uses are made only for keys with more than one.
  const spans = new Map<string, number[]>();
  const add = (key: string, start: number, end: number) => {
    const list = spans.get(key);
    if (list) list.push(start, end);
    else spans.set(key, [start, end]);
  };

  const shapes = blocks.map((block) => analyses.shapes(block.text, block, block.facts));
  const hyphens: ReportHyphens = { byRaw: new Map(), firstParts: new Set(), threeParts: false };
  const hyphenKeys = new Set<string>();
  const spellingVariants = new Set<string>();
  blocks.forEach((block, index) => {
    for (const word of shapes[index].hyphenated) {
      const entry = hyphens.byRaw.get(word.raw) ?? { key: word.key, following: new Set<string>() };
      entry.following.add(word.next);
      hyphens.byRaw.set(word.raw, entry);
      hyphenKeys.add(word.key);
      hyphens.firstParts.add(word.firstPart);
      if (word.threeParts) hyphens.threeParts = true;
      add(word.key, block.start + word.start, block.start + word.end);
    }
    for (const key of shapes[index].variants) spellingVariants.add(key);
  });

  // Words written apart: "multi agency", "health care", "7 minute briefing", "face to face meeting".
  const texts = blocks.map((block) => [block.text, block] as const);
  const closedWords = analyses.closedWords(texts);
  const spacedKeys = new Set<string>();
  const spaced = analyses.spaced(() => {
    // A closed word that came or went changes how an unchanged block reads only if that block writes it apart.
    const state = documentState(analyses.closedWordsChanged, () => ({ times: 0 }))!;
    if (closedWords.changed === undefined || [...closedWords.changed].some((word) => writtenApart(blocks, word))) state.times++;
    return `${state.times}|${hyphensContext(hyphens)}`;
  });
  blocks.forEach((block) => {
    for (const span of spaced(block.text, { block, hyphens, closedWords }, block.facts)) {
      spacedKeys.add(span[0]);
      add(span[0], block.start + span[1], block.start + span[2]);
    }
  });

  // One word broken round a spaced hyphen or dash: "self – assessment", "multi- agency", "well - being".
  blocks.forEach((block, index) => {
    for (const { pair, left, start, end } of shapes[index].dashed) {
      const hyphen = hyphens.byRaw.get(pair);
      if (!hyphen && !closedWords.has(pair) && !BOUND_PREFIXES.has(left)) continue;
      const key = hyphen ? hyphen.key : spellingKey(pair, spelling) ?? pair;
      spacedKeys.add(key);
      add(key, block.start + start, block.start + end);
    }
  });

  // Closed words whose key another form shares.
  const shared = new Set([...hyphenKeys, ...spacedKeys, ...spellingVariants]);
  if (shared.size > 0) {
    const closedUses = analyses.closedUses(() => [...shared].sort().join(','));
    for (const block of blocks) {
      for (const span of closedUses(block.text, { block, shared }, block.facts)) add(span[0], block.start + span[1], block.start + span[2]);
    }
  }
  const groups = new Map<string, TermUse[]>();
  for (const [key, list] of spans) {
    // One use, or uses all written alike, leave nothing to compare unless a form is configured.
    if (!configuredKeys.has(key) && (list.length < 4 || writtenAlike(text, list))) continue;
    const uses: TermUse[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const written = text.slice(list[k], list[k + 1]);
      uses.push({ start: list[k], end: list[k + 1], written, form: lowerForm(written) });
    }
    groups.set(key, uses.sort((a, b) => a.start - b.start));
  }
  return groups;
}

/** Are the spans (start, end pairs) all the same text? Compared where they stand, without cutting them. */
function writtenAlike(text: string, spans: readonly number[]): boolean {
  const first = text.slice(spans[0], spans[1]);
  for (let k = 2; k < spans.length; k += 2) {
    if (spans[k + 1] - spans[k] !== first.length || !text.startsWith(first, spans[k])) return false;
  }
  return true;
}

export function lowerForm(text: string): string {
  return text.toLowerCase().replace(/\u2011/g, '-').replace(/\s+/g, ' ');
}
