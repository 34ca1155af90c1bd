import lexiconData from '../data/lexicon.json';
import type { Vocabulary } from '../types';
import { memoByTextWith, type TextFacts } from '../memo';
import { leadingWords } from './leading-words';
import { HAS_APOSTROPHE, HAS_HYPHEN, type ProseWord } from '../model/words';

/**
 * Lexicon categories: H hedging, V vague verb, P process or output, Q vague qualifier,
 * O vague outcome, T vague time, W diffuse ownership, L stigmatising label, J jargon.
 */
export const CATEGORIES = ['H', 'V', 'P', 'Q', 'O', 'T', 'W', 'L', 'J'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LexiconEntry {
  id: string;
  /** How the term is shown to the author. */
  term: string;
  /** Regex source, matched case-insensitively at word boundaries. */
  pattern: string;
  category: Category;
  reason: string;
  suggestion: string;
  source: string;
  /** Regex sources of surrounding text in which a hit is not weak; an exemption must cover the hit. */
  exemptions?: string[];
  /**
   * `action`: only weak inside an action item (e.g. "may", "continue to"); `finding`: only weak in a
   * sentence that states what the audit found ("there was a lack of …": in how many cases?).
   */
  scope?: 'action' | 'finding';
  /**
   * The words stand for a number left out ("most practitioners", "it was felt"), not for a quality:
   * they are no measure of an action, and "not" before them does not make them a finding of absence.
   */
  quantity?: boolean;
  /** Sections in which the words are not a claim of the audit (a count in the background is not a finding). */
  notInSections?: string[];
  /** The suggestion when the number of cases audited is known; `{cases}` stands for it. */
  suggestionWithCases?: string;
}

/** A hit, shared by every reader of the text's hits: read only. */
export interface WordingMatch {
  readonly entry: LexiconEntry;
  readonly start: number;
  readonly end: number;
  /** Inside quotation marks on the same line: the author is quoting, not writing. */
  readonly quoted: boolean;
}

export interface FindOptions {
  /** Include entries that only matter inside an action item. */
  inAction?: boolean;
  /** The text's words, when the model has read them: where patterns may start is told from them. */
  words?: readonly ProseWord[];
  /** What the memory knows of the text, while an edited report is linted: its hits are kept there. */
  facts?: TextFacts;
}

export type UserVocabulary = Pick<Vocabulary, 'allow' | 'forbid'>;

export const LEXICON: readonly LexiconEntry[] = lexiconData as LexiconEntry[];

/** Total length of the texts whose hits a compiled lexicon remembers. */
const MEMO_CHARS = 8_000_000;

/** How far either side of a hit an exemption may reach. */
const EXEMPTION_WINDOW = 80;

// Letters and digits on either side mean the match is part of a longer word. `\b` alone fails
// next to punctuation, e.g. after the final dot of "e.g.".
const wordBounded = (source: string): string => `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;

/** An entry's pattern as it is matched: case-insensitive, global, at word boundaries. */
export const compilePattern = (source: string): RegExp => new RegExp(wordBounded(source), 'gi');

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal phrase as a pattern: spaces match any run of spaces, hyphens are optional. */
export function literalPattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/\\?-/g, '[- ]?'))
    .join('\\s+');
}

interface CompiledEntry {
  entry: LexiconEntry;
  regex: RegExp;
  /** The same pattern tried only where it is told to start (sticky). */
  at: RegExp;
  exemptions: RegExp[];
}

const isWordCode = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
const lowerCode = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * Where patterns can match in a text, told from its words: a match starts a word with the
 * pattern's literal beginning ("in order to"), so a pattern is tried only at the words that start
 * with one of its beginnings, and not at all in a text that has none. One pass over the words
 * instead of a hundred regular expressions over every block.
 */
class WordIndex {
  /** Beginnings by the codes of the first three letters of their first word (or all of a shorter one). */
  private readonly byStart = new Map<number, Beginning[]>();
  /** Patterns with no literal beginning, run over the whole text. */
  readonly always: boolean[];

  constructor(size: number, beginnings: readonly (readonly string[] | undefined)[]) {
    this.always = new Array<boolean>(size).fill(false);
    beginnings.forEach((literals, index) => {
      if (!literals) {
        this.always[index] = true;
        return;
      }
      for (const literal of literals) {
        const word = /^[a-z0-9_]+/.exec(literal)![0];
        let key = 0;
        for (let k = 0; k < Math.min(KEY_LETTERS, word.length); k++) key = startKey(key, k, word.charCodeAt(k));
        const list = this.byStart.get(key) ?? [];
        list.push({ word, literal, index });
        this.byStart.set(key, list);
      }
    });
  }

  /**
   * By lexicon index, the offsets, in order, of the words at which the pattern may start.
   * Comparisons are in ASCII: a case-insensitive pattern matches an ASCII letter only with one.
   */
  starts(text: string): (number[] | undefined)[] {
    const found: (number[] | undefined)[] = new Array(this.always.length);
    const length = text.length;
    for (let i = 0; i < length; ) {
      if (!isWordCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < length && isWordCode(text.charCodeAt(end))) end++;
      this.lookUp(found, text, i, end);
      i = end;
    }
    return found;
  }

  /**
   * As `starts`, read from the text's words instead of its characters: each run of letters and
   * digits in a word ("multi", "agency" in "multi-agency") is where a pattern may start. The same
   * places, as long as the text has no "_" (which joins runs for a pattern but not for words).
   */
  startsInWords(text: string, words: readonly ProseWord[]): (number[] | undefined)[] {
    const found: (number[] | undefined)[] = new Array(this.always.length);
    for (const word of words) {
      if (!(word.shape & (HAS_HYPHEN | HAS_APOSTROPHE))) {
        this.lookUp(found, text, word.start, word.end);
        continue;
      }
      for (let i = word.start; i < word.end; ) {
        let end = i;
        while (end < word.end && isWordCode(text.charCodeAt(end))) end++;
        if (end > i) this.lookUp(found, text, i, end);
        i = end + 1;
      }
    }
    return found;
  }

  /** Notes the run of word characters at [at, end) for each beginning its first letters key. */
  private lookUp(found: (number[] | undefined)[], text: string, at: number, end: number): void {
    let key = 0;
    for (let k = 0; k < Math.min(KEY_LETTERS, end - at); k++) {
      key = startKey(key, k, lowerCode(text.charCodeAt(at + k)));
      const list = this.byStart.get(key);
      if (list) this.collect(found, list, text, at, end);
    }
  }

  /** Notes the word at [at, end) for each beginning the text there starts with. */
  private collect(found: (number[] | undefined)[], list: readonly Beginning[], text: string, at: number, end: number): void {
    for (const { word, literal, index } of list) {
      if (word.length > end - at || !startsAt(text, at, word.length === literal.length ? word : literal)) continue;
      const offsets = (found[index] ??= []);
      if (offsets[offsets.length - 1] !== at) offsets.push(at);
    }
  }
}

/** Beginnings are looked up by up to this many of their first letters. */
const KEY_LETTERS = 3;

/** The key of a word's first k + 1 letters from that of its first k; the count is part of the key. */
const startKey = (key: number, k: number, code: number): number => ((key & 0xffffff) << 8) | code | ((k + 1) << 24);

interface Beginning {
  /** The literal's first word, which the text's word must start with. */
  word: string;
  literal: string;
  index: number;
}

/** Does the text at `at` read `literal` (lower case), ignoring the case of ASCII letters? */
function startsAt(text: string, at: number, literal: string): boolean {
  if (at + literal.length > text.length) return false;
  for (let k = 0; k < literal.length; k++) {
    if (lowerCode(text.charCodeAt(at + k)) !== literal.charCodeAt(k)) return false;
  }
  return true;
}

export interface CompiledLexicon {
  readonly entries: readonly LexiconEntry[];
  find(text: string, categories?: readonly Category[], options?: FindOptions): readonly WordingMatch[];
}

/** Compiles the built-in lexicon plus a partnership's allowed and forbidden terms. */
export function compileLexicon(vocabulary?: UserVocabulary): CompiledLexicon {
  const forbidden: LexiconEntry[] = (vocabulary?.forbid ?? [])
    .filter((item) => item.term.trim() !== '')
    .map((item) => ({
      id: `forbid:${item.term.trim().toLowerCase()}`,
      term: item.term.trim(),
      // Configured terms are literal text: configuration never supplies a regular expression.
      pattern: literalPattern(item.term),
      category: 'Q',
      reason: item.reason,
      suggestion: item.suggestion,
      source: 'Partnership vocabulary',
    }));
  const allowed = (vocabulary?.allow ?? []).filter((term) => term.trim() !== '');
  const allowedIds = new Set(allowed.map((term) => term.trim().toLowerCase()));
  const entries = [...LEXICON, ...forbidden].filter((entry) => !allowedIds.has(entry.id.toLowerCase()));
  const compiled: CompiledEntry[] = entries.map((entry) => ({
    entry,
    regex: compilePattern(entry.pattern),
    at: new RegExp(wordBounded(entry.pattern), 'iy'),
    exemptions: (entry.exemptions ?? []).map((source) => new RegExp(source, 'gi')),
  }));
  const index = new WordIndex(compiled.length, entries.map((entry) => leadingWords(entry.pattern)));
  const allowRegex = allowed.length
    ? new RegExp(wordBounded(allowed.map(literalPattern).join('|')), 'gi')
    : undefined;

  const scan = (text: string, inAction: boolean, words: readonly ProseWord[] | undefined): WordingMatch[] => {
    const hits: WordingMatch[] = [];
    const starts = words && !text.includes('_') ? index.startsInWords(text, words) : index.starts(text);
    const consider = (entry: LexiconEntry, exemptions: readonly RegExp[], start: number, end: number) => {
      if (coveredBy(exemptions, text, start, end)) return;
      if (allowRegex && coveredBy([allowRegex], text, start, end)) return;
      hits.push({ entry, start, end, quoted: isQuoted(text, start) });
    };
    for (let i = 0; i < compiled.length; i++) {
      const { entry, regex, at, exemptions } = compiled[i];
      if (entry.scope === 'action' && !inAction) continue;
      if (index.always[i]) {
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m; m = regex.exec(text)) {
          if (m[0].length === 0) regex.lastIndex++;
          else consider(entry, exemptions, m.index, m.index + m[0].length);
        }
        continue;
      }
      // As a scan over the whole text would: the next match starts at or after the end of the last.
      let reach = 0;
      for (const start of starts[i] ?? []) {
        if (start < reach) continue;
        at.lastIndex = start;
        const m = at.exec(text);
        if (!m || m[0].length === 0) continue;
        reach = start + m[0].length;
        consider(entry, exemptions, start, reach);
      }
    }
    return dropContained(hits);
  };

  // Several rules ask about the same blocks, and an edited document keeps most of its blocks: remember
  // each text's hits (all categories; the filter below is applied per call). Bounded by total length.
  // Keyed by the text itself, one map for inside actions and one for outside, so no key is built.
  const memo = { inAction: new Map<string, WordingMatch[]>(), outside: new Map<string, WordingMatch[]>() };
  let memoChars = 0;
  // A block's words stand for its text (the model reads them once per text), so a text read by the
  // model is known by its words without hashing the text.
  const byWords = new WeakMap<readonly ProseWord[], { inAction?: WordingMatch[]; outside?: WordingMatch[] }>();
  const remembered = {
    inAction: memoByTextWith((text: string, words: readonly ProseWord[] | undefined) => scan(text, true, words)),
    outside: memoByTextWith((text: string, words: readonly ProseWord[] | undefined) => scan(text, false, words)),
  };
  const allHits = (text: string, inAction: boolean, words: readonly ProseWord[] | undefined, facts: TextFacts | undefined): WordingMatch[] => {
    // Facts come only with a memory, which keeps the hits of the text whatever its words' array.
    if (facts) return (inAction ? remembered.inAction : remembered.outside)(text, words, facts);
    if (words) {
      let known = byWords.get(words);
      if (!known) byWords.set(words, (known = {}));
      return inAction ? (known.inAction ??= scan(text, true, words)) : (known.outside ??= scan(text, false, words));
    }
    const known = inAction ? memo.inAction : memo.outside;
    let hits = known.get(text);
    if (!hits) {
      hits = scan(text, inAction, undefined);
      if (memoChars + text.length + 1 > MEMO_CHARS) {
        memo.inAction.clear();
        memo.outside.clear();
        memoChars = 0;
      }
      known.set(text, hits);
      memoChars += text.length + 1;
    }
    return hits;
  };

  return {
    entries,
    find(text, categories, options = {}) {
      const kept = allHits(text, options.inAction === true, options.words, options.facts);
      // Hits are read only, so the kept list serves as it is when every hit is of a category asked for.
      if (!categories || kept.every((hit) => categories.includes(hit.entry.category))) return kept;
      return kept.filter((hit) => categories.includes(hit.entry.category));
    },
  };
}

/** True when one of the patterns matches near the hit and its match overlaps the hit. */
function coveredBy(patterns: readonly RegExp[], text: string, start: number, end: number): boolean {
  if (patterns.length === 0) return false;
  const from = Math.max(0, start - EXEMPTION_WINDOW);
  const window = text.slice(from, Math.min(text.length, end + EXEMPTION_WINDOW));
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const mStart = from + m.index;
      if (mStart < end && mStart + m[0].length > start) return true;
    }
  }
  return false;
}

/**
 * The longer of two overlapping hits explains more ("refused to engage" over "engage"),
 * so a hit lying inside a longer one is dropped. Equal spans keep the earlier entry.
 */
function dropContained(hits: WordingMatch[]): WordingMatch[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: WordingMatch[] = [];
  let reach = -1;
  for (const hit of sorted) {
    if (hit.end <= reach) continue;
    kept.push(hit);
    reach = Math.max(reach, hit.end);
  }
  return kept;
}

/** How far the search for an enclosing pair of quotation marks reaches. */
const QUOTE_WINDOW = 300;

/** Is the offset between an opening and a closing double quotation mark on its line? */
function isQuoted(text: string, offset: number): boolean {
  const window = text.slice(Math.max(0, offset - QUOTE_WINDOW), offset);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  const ahead = text.slice(offset, offset + QUOTE_WINDOW);
  const newline = ahead.indexOf('\n');
  const after = newline < 0 ? ahead : ahead.slice(0, newline);
  const straight = (before.split('"').length - 1) % 2 === 1 && after.includes('"');
  const curly = before.lastIndexOf('\u201c') > before.lastIndexOf('\u201d') && after.includes('\u201d');
  return straight || curly;
}

const cache = new WeakMap<UserVocabulary, CompiledLexicon>();
let builtIn: CompiledLexicon | undefined;

function lexiconFor(vocabulary?: UserVocabulary): CompiledLexicon {
  if (!vocabulary) return (builtIn ??= compileLexicon());
  let compiled = cache.get(vocabulary);
  if (!compiled) {
    compiled = compileLexicon(vocabulary);
    cache.set(vocabulary, compiled);
  }
  return compiled;
}

/**
 * Weak wording in a prose string (markup already blanked, offsets map to the source),
 * sorted by position. Compiled lexicons are cached per vocabulary object.
 */
export function findWeakWording(
  text: string,
  categories?: readonly Category[],
  options: FindOptions & { vocabulary?: UserVocabulary } = {},
): readonly WordingMatch[] {
  return lexiconFor(options.vocabulary).find(text, categories, options);
}

export function lexiconEntry(id: string): LexiconEntry | undefined {
  return LEXICON.find((entry) => entry.id === id);
}
