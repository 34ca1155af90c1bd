import { describe, expect, it } from 'vitest';
import { LEGAL_TERMS, insideSpan, protectedSpans } from '../../server/src/core/analysis/protected-spans';

/** The protected words of a text, as written, with their kind. */
const spans = (text: string) => protectedSpans(text).map((span) => `${span.kind}: ${text.slice(span.start, span.end)}`);

describe('statutory terms data', () => {
  it('gives every term its source and a reason, once', () => {
    expect(LEGAL_TERMS.length).toBeGreaterThan(30);
    const terms = LEGAL_TERMS.map((entry) => entry.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    for (const entry of LEGAL_TERMS) {
      expect(entry.term.trim(), entry.term).toBe(entry.term);
      expect(entry.source, entry.term).toMatch(/(?:Act \d{4}|Guidance|guidance|Together|Education|Regulations|NSPCC)/);
      expect(entry.reason.length, entry.term).toBeGreaterThan(30);
      expect(entry.reason, entry.term).toMatch(/\.$/);
    }
  });

  it('finds each term and each listed form in a sentence', () => {
    for (const entry of LEGAL_TERMS) {
      for (const form of [entry.term, ...(entry.forms ?? [])]) {
        const text = `The audit read that ${form} was recorded.`;
        const found = protectedSpans(text).filter((span) => span.kind === 'legal');
        expect(found.map((span) => text.slice(span.start, span.end)), form).toEqual([form]);
      }
    }
  });
});

describe('protectedSpans', () => {
  it('finds statutory terms with their plurals, hyphens and capitals', () => {
    expect(spans('Two children were at risk of significant harm; both were looked-after children.'))
      .toEqual(['legal: significant harm', 'legal: looked-after children']);
    expect(spans('Each adult at risk had care and support needs. Best Interests decisions were made.'))
      .toEqual(['legal: adult at risk', 'legal: care and support needs', 'legal: Best Interests decisions']);
    expect(spans('Schools must safeguard and promote the welfare of children, and section 47 enquiries followed.'))
      .toEqual(['legal: safeguard and promote the welfare of children', 'legal: section 47 enquiries']);
    expect(spans('Three children were not brought to appointments.')).toEqual(['legal: were not brought to appointments']);
  });

  it('does not take words that only look like a term', () => {
    expect(spans('The harm was significant. The child, in need of a bed, was placed. Her interests were best served by the plan.')).toEqual([]);
    expect(spans('Significant\n\nharm')).toEqual([]);
    expect(spans('significant, harm')).toEqual([]);
  });

  it('takes a capitalised run with a head noun as one name', () => {
    expect(spans('Work went to the Exploitation Implementation Group in May.')).toEqual(['name: Exploitation Implementation Group']);
    expect(spans('The Learning and Improvement Sub-group met.')).toEqual(['name: Learning and Improvement Sub-group']);
    expect(spans('A Multi-Agency Safeguarding Hub referral.')).toEqual(['name: Multi-Agency Safeguarding Hub']);
    expect(spans('As the Munro Review of Child Protection found, plans drift.')).toEqual(['name: Munro Review of Child Protection']);
    expect(spans('The Care Act 2014 applies.')).toEqual(['name: Care Act 2014']);
    expect(spans('The Partnership Board and the Youth Offending Service agreed.'))
      .toEqual(['name: Partnership Board', 'name: Youth Offending Service']);
  });

  it('keeps a term inside a name as part of the name', () => {
    expect(spans('The Looked After Children Team replied.')).toEqual(['name: Looked After Children Team']);
  });

  it('does not take a sentence-start capital, a lone head noun or lower-case words as a name', () => {
    expect(spans('Review the plan. The Board met. Then Board members left. The review group met.')).toEqual([]);
    expect(spans('The service was good and the team was stable.')).toEqual([]);
    expect(spans('Health Visitors were present.')).toEqual([]);
  });

  it('returns spans in order without one inside another, and finds the one holding a range', () => {
    const text = 'The Looked After Children Team saw significant harm. The Safeguarding Board met.';
    const found = protectedSpans(text);
    expect(found.map((span) => span.start)).toEqual([...found.map((span) => span.start)].sort((a, b) => a - b));
    const harm = text.indexOf('harm');
    expect(insideSpan(found, harm, harm + 4)?.kind).toBe('legal');
    const board = text.indexOf('Board');
    expect(insideSpan(found, board, board + 5)?.kind).toBe('name');
    const met = text.indexOf('met');
    expect(insideSpan(found, met, met + 3)).toBeUndefined();
  });
});
