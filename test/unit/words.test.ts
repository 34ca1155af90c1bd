import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon, LEXICON } from '../../server/src/core/analysis/lexicon';
import { blockWords, isTitleCase, lowerCaseOf } from '../../server/src/core/model/words';

/** Prose made of lexicon words, small words and the characters that join or split words. */
const prose = (() => {
  const words = [...new Set(LEXICON.flatMap((entry) => entry.term.split(/\s+/)))];
  const joiners = ['-', '\u2011', "'", '’', '_', '.', ',', ' – ', '"', 'é', '\n', '5.1', "children's"];
  return fc
    .array(fc.tuple(fc.constantFrom(...words, ...joiners, 'the', 'a', 'multi', 'agency', 'Board'), fc.constantFrom(' ', '', '-', "'")), { maxLength: 40 })
    .map((parts) => parts.map(([word, after]) => word + after).join(''));
})();

describe('the words the model reads once for every rule', () => {
  it('tell the lexicon the same places to try as a scan of the characters', () => {
    fc.assert(
      fc.property(prose, fc.boolean(), (text, inAction) => {
        // A fresh lexicon each time, so neither answer is a remembered one.
        const fromWords = compileLexicon().find(text, undefined, { inAction, words: blockWords(text) });
        const fromCharacters = compileLexicon().find(text, undefined, { inAction });
        expect(fromWords).toEqual(fromCharacters);
      }),
      { numRuns: 400 },
    );
  });

  it('are the runs of letters and digits, joined by hyphens, with an apostrophe ending, as a pattern finds them', () => {
    const compound = /[A-Za-z0-9]+(?:[-\u2011][A-Za-z0-9]+)*(?:['’][A-Za-z]+)?/g;
    fc.assert(
      fc.property(prose, (text) => {
        expect(blockWords(text).map((word) => [word.start, word.end])).toEqual([...text.matchAll(compound)].map((m) => [m.index, m.index + m[0].length]));
      }),
      { numRuns: 400 },
    );
  });

  it('read title case and lower case as the patterns they replace do', () => {
    fc.assert(
      fc.property(prose, (text) => {
        for (const word of blockWords(text)) {
          expect(isTitleCase(word.text)).toBe(/^[A-Z][a-z]/.test(word.text) && !/[A-Z]/.test(word.text.slice(1)));
          expect(lowerCaseOf(word)).toBe(word.text.toLowerCase());
        }
      }),
      { numRuns: 400 },
    );
    expect(isTitleCase('Board')).toBe(true);
    expect(isTitleCase('BOARD')).toBe(false);
    expect(isTitleCase('McDonald')).toBe(false);
    expect(lowerCaseOf(blockWords("don'T")[0])).toBe("don't");
  });
});
