import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingWords } from '../../server/src/core/analysis/leading-words';
import { compilePattern, LEXICON } from '../../server/src/core/analysis/lexicon';

describe('leading words of a pattern', () => {
  it('reads the literal beginning of each alternative', () => {
    expect(leadingWords('consider|give consideration to')).toEqual(['consider', 'give consideration to']);
    expect(leadingWords('(?:attend|attends) (?:at )?the')).toEqual(['attend', 'attends']);
    expect(leadingWords('(?<=\\b(?:to|will) )progress|progressing')).toEqual(['progress', 'progressing']);
    expect(leadingWords('LACs?|risky behaviou?rs?')).toEqual(['lac', 'risky behavio']);
    expect(leadingWords('e\\.?g\\.?|pro-?formas?')).toEqual(['e', 'pro']);
  });

  it('takes an optional group at the start with what follows it', () => {
    expect(leadingWords('(?:the )?plan')).toEqual(['the ', 'plan']);
    expect(leadingWords('(?:an? )?(?:rise|fall) on')).toEqual(['a', 'rise', 'fall']);
    expect(leadingWords('across|(?:the |an ){0,2}overwhelming')).toEqual(['across', 'the ', 'an ', 'overwhelming']);
    expect(leadingWords('(?:the )*[a-z]+')).toBeUndefined();
  });

  it('cannot tell when a pattern starts with a class or a non-word character', () => {
    expect(leadingWords('[a-z]+ed')).toBeUndefined();
    expect(leadingWords('plan|\\s+x')).toBeUndefined();
    expect(leadingWords("'quoted'")).toBeUndefined();
  });

  it('every match of every lexicon pattern begins with one of its leading words', () => {
    const words = [...new Set(LEXICON.flatMap((entry) => entry.term.split(/\s+/)))];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words, 'the', 'a', 'to', 'be', 'child', '.', ',', '\n'), fc.boolean()), { maxLength: 30 })
      .map((parts) => parts.map(([word, upper]) => (upper ? word.toUpperCase() : word)).join(' '));
    const compiled = LEXICON.map((entry) => ({ regex: compilePattern(entry.pattern), literals: leadingWords(entry.pattern) }));
    fc.assert(
      fc.property(text, (sample) => {
        for (const { regex, literals } of compiled) {
          if (!literals) continue;
          for (const match of sample.matchAll(regex)) {
            const rest = sample.slice(match.index).toLowerCase();
            expect(literals.some((literal) => rest.startsWith(literal)), `${regex.source} at "${rest.slice(0, 30)}"`).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
