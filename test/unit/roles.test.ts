/**
 * What each sentence does, read once in the model: the role decides whether wording rules judge
 * it and whether the tracker takes it as an action.
 */
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { isLeadIn } from '../../server/src/core/model/action-items';
import { buildModel } from '../../server/src/core/model/build';
import type { SentenceRole } from '../../server/src/core/types';

const settings = resolveSettings(undefined, '(defaults)');

/** The role of the one sentence of a paragraph, under a heading of the given name. */
function roleOf(sentence: string, heading = 'Notes'): SentenceRole {
  const model = buildModel(`# Audit\n\n## ${heading}\n\n${sentence}\n`, settings);
  expect(model.sentences).toHaveLength(1);
  return model.sentences[0].role;
}

describe('sentence roles', () => {
  const cases: [string, string, SentenceRole][] = [
    ['The audit looked at the effectiveness of pathway plans.', 'Notes', 'scope'],
    ['This audit is undertaken every two years to ascertain whether agencies are effective.', 'Notes', 'scope'],
    ['"Significant harm" means ill-treatment or the impairment of health.', 'Notes', 'definition'],
    ['He said the placement moves upset him.', 'Notes', 'speech'],
    ['Her mother told the panel that nobody explained the plan.', 'Notes', 'speech'],
    ['She said the service will look at this in due course.', 'Notes', 'commitment'],
    ['The next audit will take place in March.', 'Notes', 'schedule'],
    ['Members will be asked to agree the scope of this audit.', 'Notes', 'schedule'],
    ['The Partnership will publish a neglect toolkit by June 2026.', 'Notes', 'commitment'],
    ['A new screening tool is being developed.', 'Notes', 'commitment'],
    ['A plan works best when it says the date by which it will be checked.', 'Key learning', 'learning'],
    ['The audit found that plans were not shared with schools.', 'Notes', 'finding'],
    ['In 7 of 12 cases the child was seen alone.', 'Notes', 'finding'],
    ['Plans were shared with schools.', 'Findings', 'finding'],
    ['Was the child seen alone?', 'Notes', 'question'],
    ['The partnership covers two local authorities.', 'Notes', 'description'],
  ];
  for (const [sentence, heading, role] of cases) {
    it(`"${sentence}" under "${heading}" is ${role}`, () => {
      expect(roleOf(sentence, heading)).toBe(role);
    });
  }

  it('a sentence in a block quote is a quotation', () => {
    const model = buildModel('# Audit\n\n## Notes\n\n> Plans must be reviewed every month.\n', settings);
    expect(model.sentences.map((s) => s.role)).toEqual(['quotation']);
  });

  it('description under a heading recognised by its content as findings becomes a finding', () => {
    const model = buildModel('# Audit\n\n## Overview\n\nThe audit found that plans were late.\n\nPlans were not shared with schools.\n', settings);
    expect(model.sections[1].impliedIds).toContain('findings');
    expect(model.sentences.map((s) => s.role)).toEqual(['finding', 'finding']);
  });
});

describe('lead-ins', () => {
  it('introduce actions', () => {
    for (const text of [
      'The panel agreed the following recommendations:',
      'Next steps:',
      'The partnership will:',
      'The following recommendation has been made in response to the findings.',
      'We reviewed six cases. Actions agreed:',
      'Next steps: \n',
      'THE PANEL MADE THE FOLLOWING RECOMMENDATIONS.',
    ]) expect(isLeadIn(text), text).toBe(true);
  });
  it('do not introduce lists of other things', () => {
    for (const text of [
      'Audits planned for 2026 are:',
      'Priorities come from:',
      'As described in the Learning and Improvement Framework, the board completes two activities:',
      'The recommendations of the last audit were all completed.',
    ]) expect(isLeadIn(text), text).toBe(false);
  });
});

describe('document kind', () => {
  it('a page about audits states no method, findings or actions of its own', () => {
    const page = '# Multi-agency audits\n\nEach year the partnership agrees a programme of audits.\n\nAudits help partners see whether practice is improving, and the audit programme is agreed by the board.\n';
    expect(buildModel(page, settings).kind).toBe('about-audits');
  });
  it('a report of an audit is a report, whatever it says about audits in general', () => {
    const report = '# Neglect audit\n\nEach year the partnership agrees a programme of audits. The audit tool is sent every two years.\n\n## Findings\n\nIn 4 of 6 cases the plan was late.\n';
    expect(buildModel(report, settings).kind).toBe('report');
  });
  it('a page with recommendations after a lead-in is a report', () => {
    const page = '# Multi-agency audits\n\nAudits are agreed each year. The audit tool is sent every two years.\n\nThe following recommendations were made:\n\n- The board to publish the programme.\n';
    expect(buildModel(page, settings).kind).toBe('report');
  });
});
