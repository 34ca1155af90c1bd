/**
 * A gap most actions of a list share is one warning, on the first action that has it; the other
 * actions keep their findings as notes at their own lines.
 */
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';

const settings = resolveSettings(undefined, '(defaults)');

const report = (items: string[]) =>
  ['---', 'profile: maca-report', '---', '', '# Audit', '', '## Actions', '', ...items.map((item) => `- ${item}`), ''].join('\n');

const deadlines = (text: string) =>
  lint(text, settings, { only: ['smart-deadline'] }).findings.map((f) => `${f.line} ${f.severity}${/actions of this list/.test(f.message) ? ' shared' : ''}`);

describe('gaps an action list shares', () => {
  it('four actions without a date: the first warns for the list, the rest are notes', () => {
    const text = report([
      'The Police will check every strategy discussion record, measured by a dip sample of 10 records, so that children are safer.',
      'Health Visiting will share the family history with the GP, measured by 8 of 10 minutes in the re-audit, so that children are seen.',
      'Schools will record attendance concerns in the plan, measured by a re-audit of 12 plans, so that children attend.',
      'Children\'s Social Care will name a lead professional in each plan, measured by 10 of 10 plans in the re-audit, so that families know who to call.',
    ]);
    expect(deadlines(text)).toEqual(['9 warning shared', '10 info', '11 info', '12 info']);
  });

  it('a gap two actions of four have is each action\'s own', () => {
    const text = report([
      'The Police will check every record by 30 June 2026, measured by a dip sample of 10 records, so that children are safer.',
      'Health Visiting will share the family history by 31 May 2026, measured by 8 of 10 minutes, so that children are seen.',
      'Schools will record attendance concerns in the plan, measured by a re-audit of 12 plans, so that children attend.',
      'Children\'s Social Care will name a lead professional in each plan, measured by 10 of 10 plans, so that families know who to call.',
    ]);
    expect(deadlines(text)).toEqual(['11 warning', '12 warning']);
  });
});
