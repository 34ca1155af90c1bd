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

describe('a methodology that leaves out several facts', () => {
  it('is one warning, on the first fact it leaves out; the others are notes', () => {
    const text = '# Audit\n\n## Methodology\n\nSix cases were audited in March 2026.\n\n## Findings\n\nIn 4 of 6 cases the plan was late.\n';
    const findings = lint(text, settings, { only: ['methodology-detail'] }).findings;
    expect(findings.map((f) => `${f.data.item} ${f.severity}`)).toEqual(['selection warning', 'agencies info', 'grading info', 'views info']);
  });
});

describe('a term written another way', () => {
  it('warns at the first use of another form; its later uses are notes with their fixes', () => {
    const text = '# Audit\n\nThe multi-agency panel met. A multi agency plan was made. The multi agency group agreed. The multi-agency panel closed. Each multi-agency audit ran. Multi agency work improved.\n';
    const findings = lint(text, settings, { only: ['consistent-terms'] }).findings;
    expect(findings.map((f) => `${f.message.slice(0, 14)} ${f.severity} ${f.fixes.length}`)).toEqual([
      '"multi agency" warning 1',
      '"multi agency" info 1',
      // The same form at a sentence start: a later use of it.
      '"Multi agency" info 1',
    ]);
  });
});
