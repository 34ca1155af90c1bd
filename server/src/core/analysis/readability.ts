import { memoByText } from '../memo';

const WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

/** Words in a prose string: runs of letters and digits, keeping "child's", "multi-agency" and "5.1" whole. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const VOWEL_GROUP = /[aeiouy]+/g;

/** Syllables in one English word by a vowel-group heuristic; good to about one syllable in most words. */
export function countSyllables(word: string): number {
  const parts = word.split(/['’]/)[0].split(/[-.]/).filter(Boolean);
  if (parts.length > 1) return parts.reduce((sum, part) => sum + countSyllables(part), 0);
  const bare = parts[0] ?? '';
  if (/^\d+$/.test(bare)) return Math.min(bare.length, 3);
  // Acronyms spelt letter by letter ("NHS", "CSC") count one syllable a letter, at most three.
  if (/^[A-Z0-9]{2,}$/.test(bare) && !/[AEIOU]/.test(bare)) return Math.min(bare.length, 3);
  let w = bare.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  // Silent endings: "made", "shared", "boxes" lose a vowel sound; "table" keeps one.
  w = w.replace(/(?:[^laeiouy]es|[^laeiouytd]ed|[^laeiouy]e)$/, (end) => end[0]);
  w = w.replace(/^y/, '');
  const count = w.match(VOWEL_GROUP)?.length ?? 0;
  return Math.max(1, count);
}

/** Syllable counts of words already seen: reports repeat their words, and the count is pure. */
const syllableMemo = new Map<string, number>();
const SYLLABLE_MEMO_WORDS = 50_000;

function syllablesOf(word: string): number {
  let count = syllableMemo.get(word);
  if (count === undefined) {
    if (syllableMemo.size >= SYLLABLE_MEMO_WORDS) syllableMemo.clear();
    count = countSyllables(word);
    syllableMemo.set(word, count);
  }
  return count;
}

export interface TextStatistics {
  sentences: number;
  words: number;
  syllables: number;
  /** Words of three or more syllables. */
  polysyllables: number;
}

/** Words, syllables and long words of one sentence; remembered, as edits leave most sentences unchanged. */
const sentenceCounts = memoByText((sentence: string): Omit<TextStatistics, 'sentences'> => {
  const counts = { words: 0, syllables: 0, polysyllables: 0 };
  for (const word of words(sentence)) {
    const syllables = syllablesOf(word);
    counts.words++;
    counts.syllables += syllables;
    if (syllables >= 3) counts.polysyllables++;
  }
  return counts;
});

/** Statistics over a list of sentences (headings and list items are sentences in their own right). */
export function textStatistics(sentences: readonly string[]): TextStatistics {
  return statisticsOf(sentences.map((sentence) => sentenceCounts(sentence)));
}

function statisticsOf(counts: readonly Omit<TextStatistics, 'sentences'>[]): TextStatistics {
  const stats = noStatistics();
  for (const sentence of counts) if (sentence.words > 0) addStatistics(stats, { sentences: 1, ...sentence });
  return stats;
}

/** Statistics of no text, to add to. */
export function noStatistics(): TextStatistics {
  return { sentences: 0, words: 0, syllables: 0, polysyllables: 0 };
}

/** Adds the statistics of more text to a total, in place. */
export function addStatistics(total: TextStatistics, more: TextStatistics): void {
  total.sentences += more.sentences;
  total.words += more.words;
  total.syllables += more.syllables;
  total.polysyllables += more.polysyllables;
}

/** Flesch reading ease: higher is easier; 60–69 is plain English. NaN for empty text. */
export function fleschReadingEase(stats: TextStatistics): number {
  if (stats.words === 0 || stats.sentences === 0) return Number.NaN;
  return 206.835 - 1.015 * (stats.words / stats.sentences) - 84.6 * (stats.syllables / stats.words);
}
