import { describe, it, expect } from 'vitest';
import { analyseAction, actionBodyStart, isWeakImperative, notADate, type PartAnalysis } from '../../server/src/core/analysis/smart';
import { findPositiveMarkers, isOutcomeFocused } from '../../server/src/core/analysis/markers';
import { ADVERSARIAL, expectLinear } from './analysis-timing';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';

const said = (text: string, part: PartAnalysis) =>
  part.evidence ? text.slice(part.evidence.start, part.evidence.end) : undefined;
const problemText = (text: string, part: PartAnalysis) =>
  part.problemSpan ? text.slice(part.problemSpan.start, part.problemSpan.end) : undefined;

describe('analyseAction: owner', () => {
  it.each([
    ['CP Chairs escalate to the Service Manager within 3 working days.', 'CP Chairs'],
    ['The QA sub-group adds questions to the audit tool by June 2025.', 'sub-group'],
    ["By 31 March 2026 each school's Designated Safeguarding Lead records what the child said.", 'Designated Safeguarding Lead'],
    ['CYPFs to liaise with Harbour about joint visits.', 'CYPFs'],
    ['Ms Smith to ensure attendance improves.', 'Ms Smith'],
    ['When a plan is updated, the lead practitioner shares it with the school.', 'lead practitioner'],
    ["Children's Social Care will book an interpreter for every visit.", "Children's Social Care"],
    ['The audit tool is to be amended by the QA sub-group.', 'sub-group'],
    ['All agencies, led by CSC, will agree one plan.', 'CSC'],
  ])('finds the owner in "%s"', (text, owner) => {
    const result = analyseAction(text).owner;
    expect(result.present).toBe(true);
    expect(said(text, result)).toBe(owner);
  });

  it.each([
    ['All agencies to ensure that they understand the history.', 'diffuse-owner', 'All agencies'],
    ['Practitioners should be mindful of neglect.', 'diffuse-owner', 'Practitioners'],
    ['5.4 Schools to review record-keeping.', 'diffuse-owner', 'Schools'],
    ['MACA Audit Tool to be amended to include attendance.', 'agentless-passive', 'to be amended'],
    ['Clear information needs to be given to families.', 'agentless-passive', 'needs to be given'],
    ['It is recommended that chronologies are used.', 'agentless-passive', 'It is recommended that'],
    ['Consider the use of multi agency chronologies.', 'reader-addressed', 'Consider'],
    ['Where you work with a family, check the plan.', 'reader-addressed', 'check'],
    ['Better outcomes for children.', 'no-owner', undefined],
  ])('reports "%s" as %s', (text, problem, words) => {
    const result = analyseAction(text).owner;
    expect(result.present).toBe(false);
    expect(result.problem).toBe(problem);
    expect(problemText(text, result)).toBe(words);
  });

  it('explains a diffuse owner', () => {
    expect(analyseAction('Partners to share the briefing.').owner.diffuse?.reason).toMatch(/\w/);
  });

  it('does not take an agency named as the object for the owner', () => {
    expect(analyseAction('Share the plan with the GP and the school nurse.').owner.present).toBe(false);
  });

  it('accepts agencies and roles from the partnership vocabulary', () => {
    const text = 'The Harbour Team will agree joint visits.';
    expect(analyseAction('harbour outreach will agree joint visits.').owner.present).toBe(false);
    expect(analyseAction('harbour outreach will agree joint visits.', { agencies: ['Harbour Outreach'] }).owner.present).toBe(true);
    expect(analyseAction(text).owner.present).toBe(true);
  });
});

describe('analyseAction: measure', () => {
  it.each([
    ['Attendance rises from 63% to 85%.', '63%'],
    ['The lead dip-samples 10 records a term.', 'dip-samples'],
    ['Neglect is named in at least 9 of 10 cases.', '9 of 10'],
    ['Checked at the March 2026 re-audit.', 'Checked at'],
    ['The March 2026 re-audit will show it.', 're-audit'],
    ['Train 20 practitioners.', '20 practitioners'],
    ['Success is measured by a family survey.', 'measured by'],
  ])('finds a measure in "%s"', (text, measure) => {
    const result = analyseAction(text).measure;
    expect(result.present).toBe(true);
    expect(said(text, result)).toBe(measure);
  });

  it('names the unmeasured quality when there is no measure', () => {
    const text = 'Ensure good communication between professionals.';
    const result = analyseAction(text).measure;
    expect(result).toMatchObject({ present: false, problem: 'unmeasured-quality' });
    expect(problemText(text, result)).toBe('good communication');
    expect(analyseAction('CSC to hold a meeting.').measure.problem).toBe('no-measure');
  });

  it('does not count paragraph numbers or deadlines as measures', () => {
    expect(analyseAction('5.1 Chronologies must be kept.').measure.present).toBe(false);
    expect(analyseAction('CSC to reply within 5 working days.').measure.present).toBe(false);
  });
});

describe('analyseAction: deadline', () => {
  it.each([
    ['CSC will do it by 31 March 2026.', '31 March 2026'],
    ['CSC will do it by 31/03/2026.', '31/03/2026'],
    ['CSC will do it by 2026-03-31.', '2026-03-31'],
    ['CSC will do it by March 2026.', 'by March 2026'],
    ['CSC will do it by the end of June.', 'the end of June'],
    ['CSC will do it in Q3 2025/26.', 'Q3 2025/26'],
    ['CSC will do it in 2025/26.', '2025/26'],
    ['CSC will do it within 10 working days.', 'within 10 working days'],
    ['CSC will do it within two weeks of the referral.', 'within two weeks'],
    ['CSC will do it by the end of the financial year.', 'by the end of the financial year'],
    ['CSC will do it in the spring term.', 'spring term'],
    ['CSC will do it by [date].', 'by [date]'],
  ])('finds a date in "%s"', (text, deadline) => {
    const result = analyseAction(text).deadline;
    expect(result.present).toBe(true);
    expect(result.relative).toBeUndefined();
    expect(said(text, result)).toBe(deadline);
  });

  it.each([
    ['CSC will report by the next core group.', 'by the next core group'],
    ['The DSL reports quarterly to the board.', 'quarterly'],
    ['The DSL checks plans every 6 weeks.', 'every 6 weeks'],
  ])('finds a review point in "%s"', (text, point) => {
    const result = analyseAction(text).deadline;
    expect(result).toMatchObject({ present: true, relative: true });
    expect(said(text, result)).toBe(point);
  });

  it.each([
    ['Chairs should escalate in a timely way.', 'in a timely way'],
    ['Support will be ongoing.', 'ongoing'],
    ['Reply as soon as possible.', 'as soon as possible'],
    ['Plans are reviewed regularly.', 'regularly'],
  ])('treats "%s" as vague time, not a deadline', (text, words) => {
    const result = analyseAction(text).deadline;
    expect(result).toMatchObject({ present: false, problem: 'vague-time' });
    expect(problemText(text, result)).toBe(words);
  });

  it('does not read "may" or a bare month-like word as a date', () => {
    expect(analyseAction('CSC may march on.').deadline.present).toBe(false);
    expect(analyseAction('CSC will do it.').deadline.problem).toBe('no-deadline');
  });
});

describe('deadlines that are not dates', () => {
  const pointerOf = (text: string) => {
    const span = notADate(text);
    return span && text.slice(span.start, span.end);
  };

  it('takes a pointer elsewhere as the whole of a Due cell for no date', () => {
    expect(['As per the action plan', 'In line with the strategy', 'See above', ' see below. ', 'As per the partnership action plan', 'As above'].map(pointerOf))
      .toEqual(['As per the action plan', 'In line with the strategy', 'See above', 'see below', 'As per the partnership action plan', 'As above']);
    for (const cell of ['As per the action plan', 'See above', 'TBC', 'ongoing']) {
      const deadline = analyseAction(cell).deadline;
      expect(deadline.present, cell).toBe(false);
      expect(deadline.problem, cell).toBe('vague-time');
    }
  });

  it('takes a time still to be set, or none, anywhere for no date', () => {
    expect(pointerOf('The DSL will brief staff, date TBC.')).toBe('TBC');
    expect(pointerOf('TBA')).toBe('TBA');
    expect(pointerOf('Ongoing')).toBe('Ongoing');
  });

  it('does not take a pointer inside a sentence, or beside a date, for a missing date', () => {
    expect(pointerOf('The DSL will review the policy in line with the strategy.')).toBeUndefined();
    expect(pointerOf('31 March 2026, as per the action plan')).toBeUndefined();
    expect(pointerOf('TBC: by the next core group')).toBeUndefined();
    expect(analyseAction('The DSL will review the policy in line with the strategy.').deadline.problem).toBe('no-deadline');
  });

  it('tells the author that the Due cell is not a date', () => {
    const report = '# Audit\n\n## Actions\n\n| Action | Owner | Measure | Due | Outcome |\n|---|---|---|---|---|\n| Read ten plans | Head of Service | 10 plans read | See above | so that children are heard |\n';
    const messages = lint(report, resolveSettings(undefined, 'deadline'), { only: ['smart-deadline'] }).findings.map((f) => f.message);
    expect(messages).toEqual([expect.stringContaining('"See above" is not a date')]);
  });
});

describe('analyseAction: outcome', () => {
  it.each([
    ['CSC shares plans so that the school and GP work to the same goals for the child.', 'so that the school and GP work to the same goals for the child'],
    ['CSC books interpreters, so that the parents are understood.', 'so that the parents'],
    ["The DSL records the child's daily life at each visit.", 'daily life'],
    ['CSC will change the form (see 4.2).', '(see 4.2)'],
  ])('finds the outcome link in "%s"', (text, link) => {
    const result = analyseAction(text).outcome;
    expect(result.present).toBe(true);
    expect(said(text, result)).toBe(link);
  });

  it('separates a service outcome from no outcome at all', () => {
    const text = 'CSC will train staff so that compliance improves.';
    const result = analyseAction(text).outcome;
    expect(result).toMatchObject({ present: false, problem: 'service-outcome' });
    expect(problemText(text, result)).toBe('so that');
    expect(analyseAction('CSC will train staff for every child.').outcome.problem).toBe('no-outcome');
  });
});

describe('analyseAction: whole actions', () => {
  it('finds a weak verb in an otherwise SMART action, and still calls it SMART', () => {
    const text = "Ms Smith to ensure the children's attendance improves from 63% to 85% by the end of the spring term, so that the children are in school.";
    const result = analyseAction(text);
    expect(result.weakVerbs.map((hit) => text.slice(hit.start, hit.end))).toEqual(['ensure']);
    expect(result.smart).toBe(true);
    expect(result.score).toBe(4);
    expect(result.weakImperative).toBe(false);
  });

  it('scores an action with nothing in it', () => {
    const result = analyseAction('Consider the use of multi agency chronologies when there is neglect');
    expect(result).toMatchObject({ smart: false, score: 0, weakImperative: true });
  });

  it('scores the seed-style rewrite as complete', () => {
    const text = "When a child's neglect plan is updated, the lead practitioner shares it with every core-group agency within 5 working days, so that school, GP and health visitor work to the same goals for the child. The Partnership will check this at the March 2026 re-audit (target: all plans shared).";
    expect(analyseAction(text)).toMatchObject({ smart: true, score: 4 });
  });

  it('honours allowed words from the vocabulary', () => {
    const text = 'CSC to ensure plans are shared.';
    expect(analyseAction(text, { allow: ['ensure'] }).weakVerbs).toEqual([]);
    expect(analyseAction(text).weakVerbs).toHaveLength(1);
  });

  it('skips numbering, labels and leading conditions to find the subject', () => {
    expect(actionBodyStart('5.4 Schools to review.')).toBe(4);
    expect(actionBodyStart('Action 2: CSC to review.')).toBe(10);
    expect(actionBodyStart('By March 2026, CSC will review.')).toBe(15);
    expect(isWeakImperative('1. Ensure plans are shared.')).toBe(true);
    expect(isWeakImperative('1. CSC shares plans.')).toBe(false);
  });

  it('grows linearly on long adversarial input', () => {
    const extra: ((n: number) => string)[] = [
      (n) => 'CSC '.repeat(n / 4),
      (n) => 'so that '.repeat(n / 8),
      (n) => 'by 1 March 2026 '.repeat(n / 16),
      (n) => 'Lead: '.repeat(n / 6),
    ];
    for (const make of [...Object.values(ADVERSARIAL), ...extra]) {
      expectLinear((size) => analyseAction(make(size)));
    }
  });
});

describe('positive markers', () => {
  it('finds outcome, lived-experience and evidence markers', () => {
    const text = 'The child told us about her day; re-audit found change so that the baby is seen.';
    expect(findPositiveMarkers(text).map((m) => m.kind)).toEqual(['livedExperience', 'evidence', 'outcome']);
  });

  it('needs the child or family after an outcome connective', () => {
    expect(isOutcomeFocused('Training is delivered so that staff are confident.')).toBe(false);
    expect(isOutcomeFocused('Plans are shared so that the family knows what must change.')).toBe(true);
    expect(isOutcomeFocused('Attendance rose from 63% to 85%.')).toBe(true);
  });
});
