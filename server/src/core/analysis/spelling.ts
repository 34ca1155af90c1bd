import { families, senses } from '../data/uk-spelling.json';

export interface BritishSpelling {
  british: string;
  /** An -ize / -ise pair: Oxford spelling writes -ize in British English too. */
  oxford: boolean;
  /** Words that show the sense both spellings share ("program" near "software"): then the word is right. */
  unlessNear?: RegExp;
}

let pairs: Map<string, BritishSpelling> | undefined;

/** American → British pairs of lower-case words, unpacked from the families in the data file once. */
function spellingPairs(): Map<string, BritishSpelling> {
  if (pairs) return pairs;
  pairs = new Map();
  const word = (text: string) => (text === '-' ? '' : text);
  const unpack = (family: string, unlessNear?: RegExp) => {
    const [american, british, ...endings] = family.split(' ').map(word);
    const oxford = american.endsWith('iz') && british.endsWith('is');
    for (const ending of endings) pairs!.set(american + ending, { british: british + ending, oxford, unlessNear });
  };
  for (const family of families) unpack(family);
  for (const sense of senses) unpack(sense.family, new RegExp(`(?<![A-Za-z])(?:${sense.unlessNear})(?![A-Za-z])`, 'i'));
  const lengths = [...pairs.keys()].map((word) => word.length);
  shortest = Math.min(...lengths);
  longest = Math.max(...lengths);
  for (const word of pairs.keys()) {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = nextHash(hash, word.charCodeAt(i));
    hashes.add(hash);
  }
  return pairs;
}

let shortest = 0;
let longest = 0;
/** Hashes of the American words: a word whose hash is not here is not one, and needs no string to tell. */
const hashes = new Set<number>();

/** A hash of lower-case letters, kept a small integer so that it costs no allocation. */
const nextHash = (hash: number, lowerCaseCode: number) => (hash * 31 + lowerCaseCode) & 0x3fffffff;

export interface SpellingHit {
  /** Offsets into the text scanned. */
  start: number;
  end: number;
  found: BritishSpelling;
}

/**
 * American spellings among the words (runs of ASCII letters) of a text, in order. Reading the
 * letters once and building a string only for a word whose hash is an American word's keeps the
 * scan of a whole report free of allocation.
 */
export function findAmericanSpellings(text: string): SpellingHit[] {
  spellingPairs();
  const hits: SpellingHit[] = [];
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower >= 97 && lower <= 122) {
      if (start < 0) {
        start = i;
        hash = 0;
      }
      hash = nextHash(hash, lower);
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    if (length >= shortest && length <= longest && hashes.has(hash)) {
      const found = pairs!.get(text.slice(start, i).toLowerCase());
      if (found) hits.push({ start, end: i, found });
    }
    start = -1;
  }
  return hits;
}

/** The British spelling of a lower-case American word ("behavior" → "behaviour"), if it has one. */
export function britishSpelling(lowerCaseWord: string): BritishSpelling | undefined {
  const pairs = spellingPairs();
  // Most words of running text are shorter than any American spelling ("the", "and", "was"): no lookup.
  if (lowerCaseWord.length < shortest || lowerCaseWord.length > longest) return undefined;
  return pairs.get(lowerCaseWord);
}

/**
 * "focussed" and "focused", "benefitted" and "benefited": British English doubles a final s or t
 * before -ed and -ing in some words and not in others. Both spell one word, so they share a key.
 */
export function undoubled(lowerCaseWord: string): string {
  const match = /^(.*[aeiou][^aeiou]*[aeiou])(ss|tt)(ed|ing)$/.exec(lowerCaseWord);
  return match ? match[1] + match[2][0] + match[3] : lowerCaseWord;
}

/**
 * The target written with the letter case of the source: a capital at the start stays, a word in
 * capitals stays in capitals. Where the letters are the same (only hyphens or spaces differ),
 * each letter keeps its own case: "Multi Agency" → "Multi-Agency".
 */
export function withCaseOf(source: string, target: string): string {
  const sourceLetters = source.replace(/[^A-Za-z0-9]/g, '');
  const targetLetters = target.replace(/[^A-Za-z0-9]/g, '');
  if (sourceLetters.toLowerCase() === targetLetters.toLowerCase()) {
    let next = 0;
    return target.replace(/[A-Za-z0-9]/g, () => sourceLetters[next++]);
  }
  if (sourceLetters.length > 1 && sourceLetters === sourceLetters.toUpperCase() && /[A-Z]/.test(sourceLetters)) return target.toUpperCase();
  if (/^[A-Z]/.test(source) && /^[a-z]/.test(target)) return target[0].toUpperCase() + target.slice(1);
  return target;
}
