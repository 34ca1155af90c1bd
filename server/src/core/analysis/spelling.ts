import spellingData from '../data/uk-spelling.json';

export interface BritishSpelling {
  british: string;
  /** An -ize / -ise pair: Oxford spelling writes -ize in British English too. */
  oxford: boolean;
}

let pairs: Map<string, BritishSpelling> | undefined;

/** American → British pairs of lower-case words, unpacked from the families in the data file once. */
function spellingPairs(): Map<string, BritishSpelling> {
  if (pairs) return pairs;
  pairs = new Map();
  const word = (text: string) => (text === '-' ? '' : text);
  for (const family of spellingData.families) {
    const [american, british, ...endings] = family.split(' ').map(word);
    const oxford = american.endsWith('iz') && british.endsWith('is');
    for (const ending of endings) pairs.set(american + ending, { british: british + ending, oxford });
  }
  return pairs;
}

/** The British spelling of a lower-case American word ("behavior" → "behaviour"), if it has one. */
export function britishSpelling(lowerCaseWord: string): BritishSpelling | undefined {
  return spellingPairs().get(lowerCaseWord);
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
