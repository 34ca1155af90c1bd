import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuasiIdentifiers, quasiKinds, quasiKindsAtLeast } from '../../server/src/core/privacy/quasi-identifiers';

/** Phrases that hold a detail of each kind, and some that only look as if they might. */
const PHRASES = [
  'a 7-year-old boy', 'aged 4', 'aged 2 to 4', 'the youngest of five', 'three siblings', 'a young carer', 'autism', 'deaf',
  'English is not his first language', 'Polish', 'an interpreter', 'died', 'prison', 'lives in Oakfield', 'moved to Oakfield Primary School',
  'the village of Upton', 'Hillside Estate', 'on 3 March 2023', '31/02/2023', 'in March 2023', 'born on 12.05.2019', 'the school',
  'the family', 'a referral', 'Early Help', 'on 12 May', 'March 2023', 'the girl',
];

const sentence = fc.array(fc.constantFrom(...PHRASES), { maxLength: 8 }).map((parts) => `${parts.join(', ')}.`);

describe('the kinds of detail in a sentence, when there are enough of them', () => {
  it('are those the full search finds, or none below the threshold', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 2, max: 9 }), fc.boolean(), (text, threshold, ignoreDates) => {
        const all = quasiKinds(findQuasiIdentifiers(text, { ignoreDates }));
        expect(quasiKindsAtLeast(text, threshold, { ignoreDates })).toEqual(all.length >= threshold ? all : []);
      }),
      { numRuns: 1000 },
    );
  });

  it('names each kind once, in a stable order', () => {
    expect(quasiKindsAtLeast('A 7-year-old boy, the youngest of five, moved to Oakfield Primary School in March 2023.', 3)).toEqual(['age', 'sex', 'family', 'date', 'establishment']);
    expect(quasiKindsAtLeast('A boy moved school.', 2)).toEqual([]);
  });
});
