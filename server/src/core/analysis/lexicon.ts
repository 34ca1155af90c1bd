import lexiconData from '../data/lexicon.json';
import type { Vocabulary } from '../types';
import { leadingWords } from './leading-words';

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
  /** `action`: only weak inside an action item (e.g. "may", "continue to"). */
  scope?: 'action';
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

export interface WordingMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
  /** Inside quotation marks on the same line: the author is quoting, not writing. */
  quoted: boolean;
}

export interface FindOptions {
  /** Include entries that only matter inside an action item. */
  inAction?: boolean;
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
  exemptions: RegExp[];
}

/**
 * Which patterns can match a text, told from its words: a match starts a word with the pattern's
 * literal beginning ("in order to"), so a pattern none of whose beginnings the text contains is
 * not run. One pass over the words instead of a hundred regular expressions over every block.
 */
class WordIndex {
  /** Beginnings by the first one or two letters of their first word. */
  private readonly byStart = new Map<string, { word: string; literal: string; index: number }[]>();
  private readonly always: number[] = [];

  constructor(private readonly size: number, beginnings: readonly (readonly string[] | undefined)[]) {
    beginnings.forEach((literals, index) => {
      if (!literals) {
        this.always.push(index);
        return;
      }
      for (const literal of literals) {
        const word = /^[a-z0-9_]+/.exec(literal)![0];
        const key = word.slice(0, 2);
        const list = this.byStart.get(key) ?? [];
        list.push({ word, literal, index });
        this.byStart.set(key, list);
      }
    });
  }

  /** Flags, by lexicon index, of the patterns that may match the text. */
  candidates(text: string): Uint8Array {
    const flags = new Uint8Array(this.size);
    for (const index of this.always) flags[index] = 1;
    const token = /[A-Za-z0-9_]+/g;
    for (let m = token.exec(text); m; m = token.exec(text)) {
      const word = m[0].toLowerCase();
      this.flag(flags, text, m.index, word, word.slice(0, 1));
      if (word.length > 1) this.flag(flags, text, m.index, word, word.slice(0, 2));
    }
    return flags;
  }

  private flag(flags: Uint8Array, text: string, at: number, word: string, key: string): void {
    const list = this.byStart.get(key);
    if (!list) return;
    for (const entry of list) {
      if (flags[entry.index] || !word.startsWith(entry.word)) continue;
      // Longer beginnings ("in order to") are compared where the word starts.
      if (entry.literal === entry.word || text.slice(at, at + entry.literal.length).toLowerCase() === entry.literal) flags[entry.index] = 1;
    }
  }
}

export interface CompiledLexicon {
  readonly entries: readonly LexiconEntry[];
  find(text: string, categories?: readonly Category[], options?: FindOptions): WordingMatch[];
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
    exemptions: (entry.exemptions ?? []).map((source) => new RegExp(source, 'gi')),
  }));
  const index = new WordIndex(compiled.length, entries.map((entry) => leadingWords(entry.pattern)));
  const allowRegex = allowed.length
    ? new RegExp(wordBounded(allowed.map(literalPattern).join('|')), 'gi')
    : undefined;

  const scan = (text: string, inAction: boolean): WordingMatch[] => {
    const hits: WordingMatch[] = [];
    const candidates = index.candidates(text);
    for (let i = 0; i < compiled.length; i++) {
      const { entry, regex, exemptions } = compiled[i];
      if (!candidates[i] || (entry.scope === 'action' && !inAction)) continue;
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = start + m[0].length;
        if (coveredBy(exemptions, text, start, end)) continue;
        if (allowRegex && coveredBy([allowRegex], text, start, end)) continue;
        hits.push({ entry, start, end, quoted: isQuoted(text, start) });
      }
    }
    return dropContained(hits);
  };

  // Several rules ask about the same blocks, and an edited document keeps most of its blocks: remember
  // each text's hits (all categories; the filter below is applied per call). Bounded by total length.
  const memo = new Map<string, WordingMatch[]>();
  let memoChars = 0;
  const allHits = (text: string, inAction: boolean): WordingMatch[] => {
    const key = `${inAction ? 'a' : '-'}${text}`;
    let hits = memo.get(key);
    if (!hits) {
      hits = scan(text, inAction);
      if (memoChars + key.length > MEMO_CHARS) {
        memo.clear();
        memoChars = 0;
      }
      memo.set(key, hits);
      memoChars += key.length;
    }
    return hits;
  };

  return {
    entries,
    find(text, categories, options = {}) {
      const kept = allHits(text, options.inAction === true);
      const wanted = categories ? new Set(categories) : undefined;
      return kept.filter((hit) => !wanted || wanted.has(hit.entry.category)).map((hit) => ({ ...hit }));
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
): WordingMatch[] {
  return lexiconFor(options.vocabulary).find(text, categories, options);
}

export function lexiconEntry(id: string): LexiconEntry | undefined {
  return LEXICON.find((entry) => entry.id === id);
}
