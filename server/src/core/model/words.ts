import { memoByText } from '../memo';
import type { ProseBlock } from '../types';

/** What a word is made of, read while it is scanned: cheaper for the rules than a pattern per word. */
export const HAS_LETTER = 1;
export const HAS_DIGIT = 2;
export const HAS_HYPHEN = 4;
export const HAS_APOSTROPHE = 8;
export const HAS_CAPITAL = 16;
export const STARTS_CAPITAL = 32;

export interface ProseWord {
  /** Offsets in the block's text. */
  start: number;
  end: number;
  /** As written: letters and digits joined by hyphens, with an apostrophe ending ("multi-agency", "children's", "don't"). */
  text: string;
  /** Lower case, without a possessive "'s", hyphens as "-": "children", "multi-agency". */
  lower: string;
  /** HAS_LETTER, HAS_DIGIT … */
  shape: number;
  /** First word of a sentence, a heading, a list item or a table cell: its capital says nothing. */
  sentenceStart: boolean;
  /** Inside quotation marks on its line: the author is quoting, not writing. */
  quoted: boolean;
  /** Only spaces (a line break at most) since the previous word of the block. */
  spaced: boolean;
}

/** "Board", "Children's": a capital, a lower-case letter, and no capital after the first. Read without a pattern or a copy, as it is asked of every word. */
export function isTitleCase(text: string): boolean {
  const first = text.charCodeAt(0);
  const second = text.charCodeAt(1);
  if (first < 65 || first > 90 || second < 97 || second > 122) return false;
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) return false;
  }
  return true;
}

/** A word in lower case as keys are written: a copy only when it has a capital (which may follow an apostrophe). */
export function lowerCaseOf(word: ProseWord): string {
  return word.shape & (HAS_CAPITAL | HAS_APOSTROPHE) ? word.text.toLowerCase() : word.text;
}

/** Quotations on one line: double quotes, and single quotes that are not apostrophes. */
const QUOTATION = /“[^”\n]*”|"[^"\n]*"|(?<![A-Za-z0-9])[‘'][^\n]*?[’'](?![A-Za-z])/g;

/** Is the offset of a text inside a quotation on its line? */
export function isQuotedAt(text: string, offset: number): boolean {
  if (!/["“‘']/.test(text)) return false;
  QUOTATION.lastIndex = 0;
  for (let m = QUOTATION.exec(text); m && m.index < offset; m = QUOTATION.exec(text)) {
    if (offset < m.index + m[0].length) return true;
  }
  return false;
}

/**
 * Does a word at this offset of a block's text start a sentence: nothing but spaces, opening
 * quotes or brackets, and a paragraph number ("5.1") between it and the block's start or a break?
 */
export function startsSentence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"“‘'(\[*_]/.test(text[i])) i--;
  if (i >= 0 && /[\d.]/.test(text[i])) {
    let j = i;
    while (j >= 0 && /[\d.]/.test(text[j])) j--;
    if (j < 0 || /\s/.test(text[j])) {
      i = j;
      while (i >= 0 && /\s/.test(text[i])) i--;
    }
  }
  return i < 0 || BREAKS.has(text.charCodeAt(i));
}
/** What ends a sentence or opens a new part of one, so the next word's capital is not a choice: . ! ? : ; • | */
const BREAKS = new Set([46, 33, 63, 58, 59, 0x2022, 124]);
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HYPHEN = 45;
const NON_BREAKING_HYPHEN = 0x2011;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** HAS_LETTER, HAS_DIGIT or HAS_LETTER | HAS_CAPITAL for an ASCII letter or digit, else 0. */
function charShape(code: number): number {
  if (code >= 97 && code <= 122) return HAS_LETTER;
  if (code >= 65 && code <= 90) return HAS_LETTER | HAS_CAPITAL;
  if (code >= 48 && code <= 57) return HAS_DIGIT;
  return 0;
}

/**
 * Every word of one block's prose, in order, with where it stands. One scan of the characters,
 * without a regular expression per word. The words depend on the block's text alone, so an editor
 * keeps them for the blocks an edit did not touch.
 */
export function blockWords(text: string): ProseWord[] {
  const words: ProseWord[] = [];
  const quotations: [number, number][] = [];
  if (/["“‘']/.test(text)) {
    QUOTATION.lastIndex = 0;
    for (let m = QUOTATION.exec(text); m; m = QUOTATION.exec(text)) quotations.push([m.index, m.index + m[0].length]);
  }
  let q = 0;
  let first = true;
  let previousNumberAtStart = false;
  // The characters since the previous word: a break, only spaces (one line break at most), or other.
  let breaks = false;
  let onlySpaces = false;
  let lineBreaks = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let shape = charShape(code);
    if (shape === 0) {
      if (BREAKS.has(code)) breaks = true;
      if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) lineBreaks++;
      else if (code !== SPACE && code !== TAB && code !== CR) onlySpaces = false;
      i++;
      continue;
    }
    const start = i;
    if (shape & HAS_CAPITAL) shape |= STARTS_CAPITAL;
    let nonBreaking = false;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      const s = charShape(c);
      if (s !== 0) {
        shape |= s;
        i++;
      } else if ((c === HYPHEN || c === NON_BREAKING_HYPHEN) && charShape(text.charCodeAt(i + 1)) !== 0) {
        shape |= HAS_HYPHEN;
        nonBreaking ||= c === NON_BREAKING_HYPHEN;
        i++;
      } else if ((c === APOSTROPHE || c === RIGHT_QUOTE) && (charShape(text.charCodeAt(i + 1)) & HAS_LETTER) !== 0) {
        // "children's", "don't": the apostrophe and the letters after it end the word.
        shape |= HAS_APOSTROPHE;
        i++;
        while ((charShape(text.charCodeAt(i)) & HAS_LETTER) !== 0) i++;
        break;
      } else break;
    }
    const raw = text.slice(start, i);
    let lower = shape & HAS_CAPITAL ? raw.toLowerCase() : raw;
    if (shape & HAS_APOSTROPHE && /['’]s$/.test(lower)) lower = lower.slice(0, -2);
    if (nonBreaking) lower = lower.replace(/\u2011/g, '-');
    while (q < quotations.length && quotations[q][1] <= start) q++;
    // "5.1 Behaviour …": a paragraph number does not start the sentence, its first word does.
    const sentenceStart: boolean = first || breaks || (previousNumberAtStart && onlySpaces);
    previousNumberAtStart = sentenceStart && shape === HAS_DIGIT;
    words.push({
      start,
      end: i,
      text: raw,
      lower,
      shape,
      sentenceStart,
      quoted: q < quotations.length && quotations[q][0] < start,
      spaced: !first && onlySpaces && lineBreaks <= 1,
    });
    first = false;
    breaks = false;
    onlySpaces = true;
    lineBreaks = 0;
  }
  return words;
}

/** A block's words, remembered by its text while a document is edited. */
const wordsOfBlock = memoByText(blockWords);

/**
 * The words of every block, read once for every rule that reads words (consistent terms, capitals,
 * the lexicon's candidate places), by block index. Offsets are the block's.
 */
export function readWords(blocks: readonly ProseBlock[]): ProseWord[][] {
  return blocks.map((block) => wordsOfBlock(block.text, block.facts));
}
