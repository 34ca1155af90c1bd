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
