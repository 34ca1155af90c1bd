import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';

const HEAD = '# Audit\n\n## Findings\n\n';
const findings = (text: string) =>
  lint(`${HEAD}${text}\n`, resolveSettings(undefined, 'names'), { only: ['stigmatising-language'] }).findings
    .map((f) => `${f.severity}: ${text.slice(f.start - HEAD.length, f.end - HEAD.length)}`);

describe('stigmatising labels inside names', () => {
  it('reports a label in the name of a policy or group one step lower, and says why', () => {
    expect(findings('The DNA Policy was last reviewed in 2019.')).toEqual(['info: DNA']);
    expect(findings('The Hard to Reach Families Group met twice.')).toEqual(['info: Hard to Reach']);
    const [message] = lint('# Audit\n\n## Findings\n\nThe DNA Policy was old.\n', resolveSettings(undefined, 'names'), { only: ['stigmatising-language'] }).findings.map((f) => f.message);
    expect(message).toMatch(/part of a name/);
  });

  it('still warns about the label in the author\'s own words', () => {
    expect(findings('The baby did not attend clinic, and the family was hard to reach.')).toEqual(['warning: did not attend', 'warning: hard to reach']);
    expect(findings('The policy says a DNA is followed up.')).toEqual(['warning: DNA']);
  });

  it('does not take the statutory terms for labels', () => {
    expect(findings('Two looked after children were not brought to appointments, and the Looked After Children Team was told.')).toEqual([]);
  });
});
