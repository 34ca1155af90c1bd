import { describe, it, expect } from 'vitest';
import { addStatistics, countSyllables, fleschReadingEase, noStatistics, textStatistics, words } from '../../server/src/core/analysis/readability';
import { ADVERSARIAL, expectLinear } from './analysis-timing';

describe('words and syllables', () => {
  it('counts words, keeping apostrophes, hyphens and decimals inside a word', () => {
    expect(words("The child's multi-agency plan, section 5.1, was shared.")).toEqual(
      ["The", "child's", 'multi-agency', 'plan', 'section', '5.1', 'was', 'shared'],
    );
    expect(words('   ')).toEqual([]);
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

  it('applies the published formula', () => {
    expect(fleschReadingEase(stats)).toBeCloseTo(206.835 - 1.015 * 10 - 84.6 * 1.5, 6);
  });

  it('returns NaN for empty text', () => {
    expect(fleschReadingEase(textStatistics([]))).toBeNaN();
    expect(fleschReadingEase(textStatistics(['  ']))).toBeNaN();
  });

  it('rates plain sentences easier than dense ones', () => {
    const plain = textStatistics(['The child was seen at home.', 'Her mum was there.']);
    const dense = textStatistics(['Multi-agency safeguarding arrangements necessitate comprehensive organisational accountability.']);
    expect(fleschReadingEase(plain)).toBeGreaterThan(80);
    expect(fleschReadingEase(dense)).toBeLessThan(20);
  });

  it('adds up as the statistics of all the sentences together', () => {
    const sentences = ['The child was seen at home.', '  ', 'Multi-agency arrangements necessitate accountability.'];
    const total = noStatistics();
    for (const sentence of sentences) addStatistics(total, textStatistics([sentence]));
    expect(total).toEqual(textStatistics(sentences));
    expect(total.sentences).toBe(2);
  });
});

describe('text statistics', () => {
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
