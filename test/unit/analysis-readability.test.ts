import { describe, it, expect } from 'vitest';
import {
  AUDIENCE_THRESHOLDS, assessReadability, countSyllables, countWords, fleschKincaidGrade, fleschReadingEase, textStatistics, words,
} from '../../server/src/core/analysis/readability';
import { ADVERSARIAL, expectLinear } from './analysis-timing';

describe('words and syllables', () => {
  it('counts words, keeping apostrophes, hyphens and decimals inside a word', () => {
    expect(words("The child's multi-agency plan, section 5.1, was shared.")).toEqual(
      ["The", "child's", 'multi-agency', 'plan', 'section', '5.1', 'was', 'shared'],
    );
    expect(countWords('   ')).toBe(0);
  });

  it.each([
    ['cat', 1], ['the', 1], ['made', 1], ['shared', 1], ['boxes', 1], ['children', 2], ['table', 2],
    ['people', 2], ['agency', 3], ['family', 3], ['assessment', 3], ['multi-agency', 5], ['NHS', 3], ['2017', 3],
  ])('counts syllables in %s', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });
});

describe('Flesch scores', () => {
  const stats = { sentences: 2, words: 20, syllables: 30, polysyllables: 2 };

  it('applies the published formulas', () => {
    expect(fleschReadingEase(stats)).toBeCloseTo(206.835 - 1.015 * 10 - 84.6 * 1.5, 6);
    expect(fleschKincaidGrade(stats)).toBeCloseTo(0.39 * 10 + 11.8 * 1.5 - 15.59, 6);
  });

  it('returns NaN for empty text', () => {
    expect(fleschReadingEase(textStatistics([]))).toBeNaN();
    expect(fleschKincaidGrade(textStatistics(['  ']))).toBeNaN();
  });

  it('rates plain sentences easier than dense ones', () => {
    const plain = textStatistics(['The child was seen at home.', 'Her mum was there.']);
    const dense = textStatistics(['Multi-agency safeguarding arrangements necessitate comprehensive organisational accountability.']);
    expect(fleschReadingEase(plain)).toBeGreaterThan(80);
    expect(fleschReadingEase(dense)).toBeLessThan(20);
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(fleschKincaidGrade(plain));
  });
});

describe('assessReadability', () => {
  const long = Array.from({ length: 30 }, () => 'word').join(' ') + '.';
  const short = 'The child was seen at home.';

  it('reports sentences over the audience limit', () => {
    expect(assessReadability([short, long], 'practitioners').longSentences).toEqual([1]);
    expect(assessReadability([short, long], 'practitioners', { maxSentenceWords: 40 }).longSentences).toEqual([]);
    const twentyTwo = Array.from({ length: 22 }, () => 'cat').join(' ');
    expect(assessReadability([twentyTwo], 'public').longSentences).toEqual([0]);
    expect(assessReadability([twentyTwo], 'board').longSentences).toEqual([]);
  });

  it('judges reading ease against the audience target', () => {
    const dense = ['Multi-agency safeguarding arrangements necessitate comprehensive organisational accountability.'];
    expect(assessReadability(dense, 'board').belowTarget).toBe(true);
    expect(assessReadability([short], 'public').belowTarget).toBe(false);
    expect(assessReadability([], 'public').belowTarget).toBe(false);
    const result = assessReadability([short], 'board');
    expect(result.readingAge).toBeCloseTo(result.grade + 5, 6);
  });

  it('orders the audiences from easiest to most demanding', () => {
    const { public: family, practitioners, board } = AUDIENCE_THRESHOLDS;
    expect(family.minReadingEase).toBeGreaterThan(practitioners.minReadingEase);
    expect(practitioners.minReadingEase).toBeGreaterThan(board.minReadingEase);
    expect(family.longSentenceWords).toBeLessThan(practitioners.longSentenceWords);
    expect(board.veryLongSentenceWords).toBe(40);
  });

  it('grows linearly on long adversarial input', () => {
    for (const make of Object.values(ADVERSARIAL)) expectLinear((size) => textStatistics([make(size)]));
  });
});

describe('expectLinear', () => {
  it('fails for quadratic work, so the linear-time tests can fail', () => {
    const quadratic = (size: number) => {
      let sum = 0;
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) sum += i ^ j;
      return sum;
    };
    expect(() => expectLinear(quadratic, 2_000)).toThrow();
  });
});
