import { describe, expect, it } from 'vitest';
import { summariseActions } from '../../server/src/core/actions';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { applyFixes, isInsertOnly } from '../../server/src/core/fix';

const settings = resolveSettings(undefined, '(defaults)');

const severities = (text: string, rule: string) =>
  lint(text, settings, { only: [rule] }).findings.map((f) => `${f.line} ${text.slice(f.start, f.end)} ${f.severity}`);

describe('summariseActions', () => {
  it('reads owner, measure, deadline and outcome from table columns, labelled fields and the words', () => {
    const text = [
      '# Audit', '', '## Actions', '',
      '| Action | Lead | Success measure | By when | Outcome for the child |',
      '|---|---|---|---|---|',
      '| Add a section to the template | Head of Service | Template published | Q2 2026/27 | Each child\'s plan says what must change |',
      '', '- Share plans. **Owner:** Child Protection Chairs. **Measure:** 10 plans. **By:** June 2026. **So that:** the child\'s school knows the plan.',
      '- All agencies to ensure that information is shared in a timely manner.', '',
    ].join('\n');
    const { model } = lint(text, settings, { only: [] });
    const [row, labelled, vague] = summariseActions(model, settings);
    expect([row.owner.source, row.measure.source, row.deadline.source, row.outcome.source]).toEqual(['column', 'column', 'column', 'column']);
    expect(row.owner.evidence?.text).toBe('Head of Service');
    expect([row.score, row.smart, row.line]).toEqual([4, true, 7]);
    expect(labelled.owner.evidence?.text).toBe('Child Protection Chairs');
    expect(labelled.missing).toEqual([]);
    expect(vague.missing).toEqual(['owner', 'measure', 'deadline', 'outcome']);
    expect(vague.owner.problem).toBe('diffuse-owner');
    expect(vague.deadline.problem).toBe('vague-time');
    expect(text.slice(vague.deadline.problemSpan!.start, vague.deadline.problemSpan!.end)).toBe('in a timely manner');
  });

  it('lets a statement about all the actions supply their measure and deadline', () => {
    const text = '# Briefing\n\n## What can you do now?\n\n- Ask the child what an evening at home is like, so that the plan answers what the child lives with.\n\nTeam managers will check these points in 5 plans per team by 31 January 2026.\n';
    const { model } = lint(text, settings, { only: [] });
    const [action] = summariseActions(model, settings);
    expect([action.measure.source, action.deadline.source]).toEqual(['section', 'section']);
    expect(action.deadline.evidence?.text).toBe('31 January 2026');
  });

  it('skips a paragraph under an actions heading that asks for nothing, and finds learning points written as actions', () => {
    const text = '# Audit\n\n## Key learning\n\n5.1 Schools to review record-keeping.\n\n5.2 Plans were shared late.\n\n## Actions\n\nFurther actions are TBC.\n';
    const { model } = lint(text, settings, { only: [] });
    const summaries = summariseActions(model, settings);
    expect(summaries.map((s) => [s.line, s.soft])).toEqual([[5, true]]);
  });
});

describe('severity of wording and action findings', () => {
  it('warns about a weak verb in an action, but only informs when the action is SMART or outside actions', () => {
    const text = [
      '# Audit', '', '## Findings', '', 'Practitioners should consider chronologies.', '', '## Actions', '',
      '1. All agencies to ensure plans are shared.',
      '2. Child Protection Chairs will ensure plans are shared within 5 working days, checked in 10 plans by June 2026.', '',
    ].join('\n');
    expect(severities(text, 'vague-wording')).toEqual(['5 consider info', '9 ensure warning', '10 ensure info']);
  });

  it('warns about process language in learning and actions, informs elsewhere', () => {
    const text = '# Audit\n\n## Findings\n\nAgencies attended all core groups.\n\n## Key learning\n\n- Practitioners should raise awareness of the toolkit.\n';
    expect(severities(text, 'process-language')).toEqual(['5 attended all core groups info', '9 raise awareness warning']);
  });

  it('scores a learning point written as an action at info level', () => {
    const text = '# Audit\n\n## Key learning\n\n- Schools to review record-keeping.\n';
    expect(lint(text, settings, { only: ['smart-owner', 'smart-deadline'] }).findings.map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('informs about an acronym explained only in the glossary, and its fix only inserts', () => {
    const text = '# Audit\n\n## Findings\n\nThe TAF met.\n\n## Glossary\n\n- TAF: Team Around the Family\n';
    const [finding] = lint(text, settings, { only: ['acronym-undefined'] }).findings;
    expect(finding.severity).toBe('info');
    expect(finding.fixes.every(isInsertOnly)).toBe(true);
    expect(applyFixes(text, finding.fixes).text).toContain('The Team Around the Family (TAF) met.');
  });
});

describe('SMART template fix', () => {
  const text = '# Audit\n\n## Actions\n\n1. Consider the use of chronologies.\n';
  const ACTION_RULES = ['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link'];

  it('is offered once, by the first rule that reports the action, and is not an insertion', () => {
    const findings = lint(text, settings).findings.filter((f) => f.fixes.length > 0 && ACTION_RULES.includes(f.ruleId));
    expect(findings.map((f) => f.ruleId)).toEqual(['smart-owner']);
    const [fix] = findings[0].fixes;
    expect(isInsertOnly(fix)).toBe(false);
    const fixed = applyFixes(text, [fix]).text;
    expect(fixed).toBe('# Audit\n\n## Actions\n\n1. Consider the use of chronologies.\n   Owner: [insert agency or role]. Measure: [insert target and how it is checked]. By: [insert date]. So that: [insert what will change for the child].\n');
    // The blanks are the placeholder rule's to report; the action rules are satisfied.
    const after = lint(fixed, settings).findings;
    expect(after.filter((f) => ACTION_RULES.includes(f.ruleId))).toEqual([]);
    expect(after.filter((f) => f.ruleId === 'placeholder')).toHaveLength(4);
  });
});
