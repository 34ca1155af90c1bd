import { describe, it, expect } from 'vitest';
import {
  CATEGORIES, LEXICON, compileLexicon, compilePattern, findWeakWording, lexiconEntry, type WordingMatch,
} from '../../server/src/core/analysis/lexicon';
import { ADVERSARIAL, expectLinear } from './analysis-timing';

const ids = (text: string, hits: readonly WordingMatch[]) => hits.map((hit) => `${hit.entry.id}:${text.slice(hit.start, hit.end)}`);
const find = (text: string, inAction = false) => ids(text, findWeakWording(text, undefined, { inAction }));

/** The first wording of a term as displayed, without remarks in brackets. */
const firstWording = (term: string) => term.replace(/\([^)]*\)/g, '').split(' / ')[0].trim();

describe('lexicon data', () => {
  it('has entries with unique ids and every field filled', () => {
    expect(LEXICON.length).toBeGreaterThan(100);
    expect(new Set(LEXICON.map((entry) => entry.id)).size).toBe(LEXICON.length);
    for (const entry of LEXICON) {
      for (const field of ['id', 'term', 'pattern', 'reason', 'suggestion', 'source'] as const) {
        expect(entry[field], `${entry.id}.${field}`).toMatch(/\S/);
      }
      expect(CATEGORIES).toContain(entry.category);
      expect(entry.reason).not.toBe(entry.suggestion);
      expect(entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('covers every category', () => {
    for (const category of CATEGORIES) expect(LEXICON.some((entry) => entry.category === category), category).toBe(true);
  });

  it('compiles every pattern and exemption', () => {
    for (const entry of LEXICON) {
      expect(() => compilePattern(entry.pattern), entry.id).not.toThrow();
      for (const exemption of entry.exemptions ?? []) expect(() => new RegExp(exemption, 'gi'), entry.id).not.toThrow();
    }
  });

  it('matches its own term in a sentence', () => {
    for (const entry of LEXICON) {
      const wording = firstWording(entry.term);
      const sentence = `We agreed to ${wording} today.`;
      const regex = compilePattern(entry.pattern);
      const match = regex.exec(sentence);
      expect(match?.[0].toLowerCase(), `${entry.id}: "${sentence}"`).toBe(wording.toLowerCase());
    }
  });

  it('never matches an empty string or inside a longer word', () => {
    for (const entry of LEXICON) {
      expect(compilePattern(entry.pattern).test(''), entry.id).toBe(false);
      const wording = firstWording(entry.term);
      expect(compilePattern(entry.pattern).test(`x${wording.replace(/\s/g, '')}x`), entry.id).toBe(false);
    }
  });

  it('runs every pattern in linear time on adversarial input', () => {
    for (const entry of LEXICON) {
      const regex = compilePattern(entry.pattern);
      for (const [name, make] of Object.entries(ADVERSARIAL)) {
        const inputs = new Map<number, string>();
        const input = (size: number) => inputs.get(size) ?? inputs.set(size, make(size)).get(size)!;
        input(5_000);
        input(50_000);
        try {
          expectLinear((size) => {
            regex.lastIndex = 0;
            while (regex.exec(input(size))) { /* scan the whole input */ }
          });
        } catch (error) {
          throw new Error(`${entry.id} on ${name}: ${(error as Error).message}`);
        }
      }
    }
  });
});

describe('findWeakWording', () => {
  it('finds hedges, vague verbs and qualifiers with offsets into the text', () => {
    const text = 'All agencies to ensure that robust plans are in place where possible.';
    const hits = findWeakWording(text);
    expect(ids(text, hits)).toEqual([
      'diffuse-owner:All agencies', 'ensure:ensure', 'robust:robust', 'where-possible:where possible',
    ]);
    expect(text.slice(hits[1].start, hits[1].end)).toBe('ensure');
  });

  it('filters by category', () => {
    const text = 'Ensure a timely referral; the child did not attend.';
    expect(ids(text, findWeakWording(text, ['T']))).toEqual(['timely:timely']);
    expect(ids(text, findWeakWording(text, ['L']))).toEqual(['did-not-attend:did not attend']);
  });

  it('keeps the longer of two overlapping hits', () => {
    expect(find('The mother refused to engage with services.')).toEqual(['non-engagement:refused to engage']);
    expect(find('Escalate in a timely manner.', true)).toEqual(['escalate:Escalate', 'timely:in a timely manner']);
  });

  it('does not flag proper nouns, legal tests and roles', () => {
    expect(find('The Review Child Protection Conference agreed the plan.', true)).toEqual([]);
    expect(find('A family support worker visited; the support worker took notes.')).toEqual([]);
    expect(find('There was a risk of significant harm.')).toEqual([]);
    expect(find('The Performance Monitoring Group met.')).toEqual([]);
    expect(find('Children in key stage 2 and their key worker.')).toEqual([]);
    expect(find('Working Together to Safeguard Children 2015 requires this.')).toEqual([]);
    expect(find('Two cases were graded good and three requires improvement.')).toEqual([]);
    expect(find('Good practice was graded as good practice by the panel.')).toEqual(['good-practice:Good practice']);
  });

  it('still flags the same words outside those contexts', () => {
    expect(find('The harm was significant.')).toEqual(['significant:significant']);
    expect(find('This is key to the plan.')).toEqual(['key-adjective:key']);
    expect(find('We will monitor attendance.')).toEqual(['monitor:monitor']);
    expect(find('There was good communication.')).toEqual(['good-practice:good communication']);
  });

  it('does not flag findings that report a negated quality', () => {
    expect(find('Responses were not timely and plans were not consistently reviewed.')).toEqual([]);
    expect(find('Responses were timely.')).toEqual(['timely:timely']);
  });

  it('reads "may" as a month, not a modal', () => {
    expect(find('The panel met on 10 May 2017 and again in May.', true)).toEqual([]);
    expect(find('Schools may wish to do this.', true)).toEqual(['may-might-could:may']);
  });

  it('keeps action-only entries out of ordinary prose', () => {
    expect(find('The child continues to live with her mother and may move.')).toEqual([]);
    expect(find('CSC to continue to visit.', true)).toEqual(['continue-to:continue to']);
  });

  it('does not treat a professional who did not attend as a blamed child', () => {
    expect(find('The GP did not attend.')).toEqual([]);
    expect(find('Police did not attend.')).toEqual([]);
    expect(find('Child B did not attend three appointments.')).toEqual(['did-not-attend:did not attend']);
    expect(find('DNA evidence was found.')).toEqual([]);
  });

  it('finds stigmatising labels', () => {
    expect(find('She was attention seeking and the family were hard to reach.'))
      .toEqual(['attention-seeking:attention seeking', 'hard-to-reach:hard to reach']);
    expect(find('An independent domestic violence adviser was allocated.')).toEqual([]);
  });

  it('handles dotted abbreviations next to punctuation; "e.g." and "i.e." are plain, an unfinished list is not', () => {
    expect(find('Agencies, e.g. schools, etc. were there; i.e. all of them.')).toEqual(['etc:etc.']);
  });

  it('marks hits inside quotation marks', () => {
    const text = 'The question was “Is there an effective plan?” and plans were effective.';
    expect(findWeakWording(text).map((hit) => hit.quoted)).toEqual([true, false]);
  });

  it('keeps offsets when markup has been blanked with spaces', () => {
    const text = '  ensure   the plan is **robust**'.replace(/\*/g, ' ');
    const robust = text.indexOf('robust');
    expect(findWeakWording(text).map((hit) => [hit.start, hit.end])).toEqual([[2, 8], [robust, robust + 6]]);
  });
});

describe('compileLexicon with a partnership vocabulary', () => {
  it('allows a term, a phrase or an entry id', () => {
    const lexicon = compileLexicon({ allow: ['robust', 'key messages', 'ensure'], forbid: [] });
    expect(lexicon.find('Ensure robust key messages.')).toEqual([]);
    expect(compileLexicon({ allow: ['timely'], forbid: [] }).entries.some((e) => e.id === 'timely')).toBe(false);
  });

  it('adds forbidden terms as literal text with their reason and suggestion', () => {
    const lexicon = compileLexicon({
      allow: [],
      forbid: [{ term: 'step-down (a.k.a.)', reason: 'Local jargon.', suggestion: 'Say "moved to early help".' }],
    });
    const hits = lexicon.find('The case was a step down (a.k.a.) case; stepXdown is not it.');
    expect(hits).toHaveLength(1);
    expect(hits[0].entry).toMatchObject({ term: 'step-down (a.k.a.)', reason: 'Local jargon.', category: 'Q' });
    expect(() => compileLexicon({ allow: ['(unclosed'], forbid: [{ term: '[x', reason: 'r', suggestion: 's' }] })).not.toThrow();
  });

  it('caches the compiled lexicon per vocabulary object', () => {
    const vocabulary = { allow: ['robust'], forbid: [] };
    expect(findWeakWording('robust', undefined, { vocabulary })).toEqual([]);
    expect(findWeakWording('robust')).toHaveLength(1);
  });

  it('looks entries up by id', () => {
    expect(lexiconEntry('ensure')?.category).toBe('V');
    expect(lexiconEntry('nothing')).toBeUndefined();
  });
});

describe('findWeakWording performance', () => {
  it('grows linearly on long adversarial input', () => {
    for (const make of Object.values(ADVERSARIAL)) {
      expectLinear((size) => findWeakWording(make(size), undefined, { inAction: true }));
    }
  });
});
