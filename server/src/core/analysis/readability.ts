import { memoByText } from '../memo';
import type { ReadabilitySettings } from '../types';

export type Audience = ReadabilitySettings['audience'];

export interface AudienceThresholds {
  /** Average words per sentence the text should stay within. */
  maxAverageSentenceWords: number;
  /** A sentence longer than this is reported. */
  longSentenceWords: number;
  /** A sentence longer than this is far too long (reported more strongly), if set. */
  veryLongSentenceWords?: number;
  /** Flesch reading ease at or above which the text is fine. */
  minReadingEase: number;
  /** Flesch–Kincaid grade at or below which the text is fine. */
  maxGrade: number;
}

/**
 * Families and the public read at a lower level than practitioners, and a board report may be
 * denser than a briefing. GOV.UK asks writers to check any sentence over 25 words.
 */
export const AUDIENCE_THRESHOLDS: Readonly<Record<Audience, AudienceThresholds>> = {
  public: { maxAverageSentenceWords: 15, longSentenceWords: 20, minReadingEase: 70, maxGrade: 6 },
  practitioners: { maxAverageSentenceWords: 18, longSentenceWords: 25, minReadingEase: 55, maxGrade: 9 },
  board: { maxAverageSentenceWords: 20, longSentenceWords: 25, veryLongSentenceWords: 40, minReadingEase: 45, maxGrade: 11 },
};

/** A UK reading age is roughly the US grade plus five years. */
export const READING_AGE_OFFSET = 5;

const WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

/** Words in a prose string: runs of letters and digits, keeping "child's", "multi-agency" and "5.1" whole. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function countWords(text: string): number {
  return words(text).length;
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

/** Words, syllables and long words of one sentence; remembered, as the rule asks about each sentence twice and edits leave most unchanged. */
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
  return statisticsOf(sentences.map(sentenceCounts));
}

function statisticsOf(counts: readonly Omit<TextStatistics, 'sentences'>[]): TextStatistics {
  const stats: TextStatistics = { sentences: 0, words: 0, syllables: 0, polysyllables: 0 };
  for (const sentence of counts) {
    if (sentence.words === 0) continue;
    stats.sentences++;
    stats.words += sentence.words;
    stats.syllables += sentence.syllables;
    stats.polysyllables += sentence.polysyllables;
  }
  return stats;
}

/** Flesch reading ease: higher is easier; 60–69 is plain English. NaN for empty text. */
export function fleschReadingEase(stats: TextStatistics): number {
  if (stats.words === 0 || stats.sentences === 0) return Number.NaN;
  return 206.835 - 1.015 * (stats.words / stats.sentences) - 84.6 * (stats.syllables / stats.words);
}

/** Flesch–Kincaid grade level (US school grade). NaN for empty text. */
export function fleschKincaidGrade(stats: TextStatistics): number {
  if (stats.words === 0 || stats.sentences === 0) return Number.NaN;
  return 0.39 * (stats.words / stats.sentences) + 11.8 * (stats.syllables / stats.words) - 15.59;
}

export interface ReadabilityAssessment {
  stats: TextStatistics;
  averageSentenceWords: number;
  readingEase: number;
  grade: number;
  readingAge: number;
  /** Indexes of sentences over the audience's long-sentence limit. */
  longSentences: number[];
  /** Reading ease or grade misses the audience's target. */
  belowTarget: boolean;
}

/**
 * Reading ease, grade and long sentences of a passage against the thresholds for an audience.
 * `overrides` lets configuration change the sentence limit and the reading-ease target.
 */
export function assessReadability(
  sentences: readonly string[],
  audience: Audience,
  overrides: Partial<Pick<ReadabilitySettings, 'maxSentenceWords' | 'minReadingEase'>> = {},
): ReadabilityAssessment {
  const thresholds = AUDIENCE_THRESHOLDS[audience];
  const longLimit = overrides.maxSentenceWords ?? thresholds.longSentenceWords;
  const minEase = overrides.minReadingEase ?? thresholds.minReadingEase;
  const counts = sentences.map(sentenceCounts);
  const stats = statisticsOf(counts);
  const readingEase = fleschReadingEase(stats);
  const grade = fleschKincaidGrade(stats);
  const longSentences = counts.flatMap((sentence, index) => (sentence.words > longLimit ? [index] : []));
  return {
    stats,
    averageSentenceWords: stats.sentences ? stats.words / stats.sentences : 0,
    readingEase,
    grade,
    readingAge: grade + READING_AGE_OFFSET,
    longSentences,
    belowTarget: stats.words > 0 && (readingEase < minEase || grade > thresholds.maxGrade),
  };
}
