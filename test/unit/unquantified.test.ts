import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';

const settings = resolveSettings(undefined, 'unquantified');
const messages = (text: string) => lint(text, settings, { only: ['vague-wording'] }).findings.map((f) => f.message);

describe('unquantified findings', () => {
  it('suggest the exact form out of the cases the methodology counts', () => {
    const report = '# Neglect audit\n\n## Methodology\n\nSix cases were selected at random in May 2025.\n\n## Findings\n\nMost plans named the child.\n';
    expect(messages(report)).toEqual([expect.stringContaining('out of the 6 cases audited: "in [n] of 6 cases"')]);
  });

  it('take the count from the front matter first', () => {
    const report = '---\ncases: 4\n---\n\n# Neglect audit\n\n## Findings\n\nIt was felt that plans were shared.\n';
    expect(messages(report)).toEqual([expect.stringContaining('in [n] of 4 cases')]);
  });

  it('give a general example when the number of cases is not stated', () => {
    const report = '# Neglect audit\n\n## Findings\n\nA number of families were not seen.\n';
    expect(messages(report)).toEqual([expect.stringContaining('"in 3 of 5 cases"')]);
  });
});

describe('quantifiers beside a number, and quantifiers standing for the cases', () => {
  const findings = (sentence: string) => messages(`# Neglect audit\n\n## Findings\n\n${sentence}\n`).map((m) => /^Vague wording "([^"]+)"/.exec(m)?.[1]);

  it('take a number in brackets beside the quantifier as the count', () => {
    expect(findings('Most families (71%) were seen at home.')).toEqual([]);
    expect(findings('The majority (8 of 11) had a plan.')).toEqual([]);
    expect(findings('Most (20 of 26) agencies replied.')).toEqual([]);
    expect(findings('Some referrals [4/9] were late.')).toEqual([]);
  });

  it('still report the quantifier when the number is about something else', () => {
    expect(findings('Most families were seen within 10 days (the target).')).toEqual(['Most families']);
  });

  it('report a quantifier that stands alone as the subject', () => {
    expect(findings('The quality varied. Some were good and detailed. Others contained little analysis.')).toEqual(['Some were', 'Others contained little']);
    expect(findings('Most referred to their policies.')).toEqual(['Most referred to']);
    expect(findings('On a couple of contacts the school was not told.')).toEqual(['a couple of contacts']);
    expect(findings('Many of these had no plan.')).toEqual(['Many of these had']);
  });

  it('do not take "others" inside a sentence or a participle before a noun as a count', () => {
    expect(findings('The views of others were sought. Some limited evidence was found.')).toEqual([]);
    expect(findings('Parents and others were invited.')).toEqual([]);
  });
});
