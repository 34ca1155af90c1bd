import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { summariseProgramme, type ProgrammeInput } from '../../server/src/core/programme';
import { addMonths } from '../../server/src/core/programme/dates';
import { readDue } from '../../server/src/core/programme/due';
import { frontMatterDate, readWrittenDate } from '../../server/src/core/programme/report-date';
import { actionStatus, saysDone } from '../../server/src/core/programme/status';
import { tagThemes, THEMES } from '../../server/src/core/programme/themes';

const settings = resolveSettings(undefined, '(defaults)');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'summary');

function input(file: string, text: string, propertyDate: string | null = null): ProgrammeInput {
  return { file, result: lint(text, settings), settings, propertyDate };
}

describe('due dates as UK authors write them', () => {
  const report = '2026-09-30';
  const dates: [string, string][] = [
    ['31 January 2027', '2027-01-31'],
    ['by 31st of January 2027', '2027-01-31'],
    ['1 Feb 27', '2027-02-01'],
    ['January 31, 2027', '2027-01-31'],
    ['31/01/2027', '2027-01-31'],
    ['31.1.27', '2027-01-31'],
    ['2027-01-31', '2027-01-31'],
    ['January 2027', '2027-01-31'],
    ['February 2028', '2028-02-29'],
    ['end of March 2026', '2026-03-31'],
    ['by the end of March 2026', '2026-03-31'],
    ['start of April 2026', '2026-04-01'],
    ['Q1 2026/27', '2026-06-30'],
    ['Q2 2026/27', '2026-09-30'],
    ['end of Q3 2026/27', '2026-12-31'],
    ['Q4 2026/27', '2027-03-31'],
    ['the third quarter of 2026/2027', '2026-12-31'],
    ['end of the financial year 2026/27', '2027-03-31'],
    ['end of 2026', '2026-12-31'],
    ['within 6 months', '2027-03-30'],
    ['within six months', '2027-03-30'],
    ["in three months' time", '2026-12-30'],
    ['within 2 weeks', '2026-10-14'],
    ['within a year', '2027-09-30'],
  ];
  for (const [written, due] of dates) {
    it(`"${written}" is due on ${due}`, () => {
      expect(readDue(written, report)).toEqual({ kind: 'date', due });
    });
  }

  const unread: [string, RegExp][] = [
    ['31/13/2026', /not a day of the calendar/],
    ['30/02/2027', /not a day of the calendar/],
    ['12/31/2026', /not a day of the calendar/],
    ['by March', /no year/],
    ['Q3', /no year/],
    ['Q3 2026', /calendar or a financial quarter/],
    ['Q3 2026/28', /does not name a financial year/],
    ['2026/27', /financial or an academic year/],
    ['summer term 2026', /term or season/],
    ['by 2027', /start or the end of 2027/],
    ['within 10 working days', /working days/],
  ];
  for (const [written, reason] of unread) {
    it(`"${written}" is not read, and says why`, () => {
      const reading = readDue(written, report);
      expect(reading.kind).toBe('unread');
      expect(reading.kind === 'unread' && reading.reason).toMatch(reason);
    });
  }

  it('has no date for a review point, a vague time or nothing at all', () => {
    for (const written of ['by the next audit', 'at the next core group', 'quarterly', 'ongoing', null]) expect(readDue(written, report)).toEqual({ kind: 'none' });
  });

  it('counts a period from the report date, and does not guess without one', () => {
    expect(readDue('within 6 months', '2026-03-31')).toEqual({ kind: 'date', due: '2026-09-30' });
    expect(readDue('within 6 months', '2026-03')).toEqual({ kind: 'date', due: '2026-09-30' });
    expect(readDue('within 6 months', null).kind).toBe('unread');
    expect(readDue('within 2 weeks', '2026-03').kind).toBe('unread');
    expect(readDue('within 6 months', '2026').kind).toBe('unread');
  });

  it('takes the first date when the words give more than one', () => {
    expect(readDue('31 March 2026, then reviewed by 30 June 2026', report)).toEqual({ kind: 'date', due: '2026-03-31' });
  });

  it('adds months to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('status against today', () => {
  const today = '2026-12-07';
  it('is overdue after the due day, due soon up to 30 days ahead, later beyond', () => {
    expect(actionStatus('2026-12-06', null, today)).toBe('overdue');
    expect(actionStatus('2026-12-07', null, today)).toBe('due-soon');
    expect(actionStatus('2027-01-06', null, today)).toBe('due-soon');
    expect(actionStatus('2027-01-07', null, today)).toBe('later');
    expect(actionStatus(null, null, today)).toBe('no-date');
  });

  it('is done when a status or progress column says so, whatever the date', () => {
    for (const words of ['Complete', 'Completed', 'Done', 'Closed', 'Green – complete', 'GREEN - Completed March 2026']) {
      expect(saysDone(words), words).toBe(true);
      expect(actionStatus('2026-01-01', words, today)).toBe('done');
    }
    for (const words of ['Not complete', 'Partially complete', 'Incomplete', 'In progress', 'Amber', 'Not yet done', 'Awaiting completion']) {
      expect(saysDone(words), words).toBe(false);
    }
  });
});

describe('report dates', () => {
  it('reads a full date, a month or a year as written, and no financial year', () => {
    expect(readWrittenDate('Neglect audit, 14 March 2025')).toBe('2025-03-14');
    expect(readWrittenDate('Neglect audit – March 2025')).toBe('2025-03');
    expect(readWrittenDate('Annual audit report 2024')).toBe('2024');
    expect(readWrittenDate('Section 11 audit 2020-21')).toBeNull();
    expect(readWrittenDate('Audit of 6 cases')).toBeNull();
    expect(frontMatterDate(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(frontMatterDate('2026-03-01')).toBe('2026-03-01');
    expect(frontMatterDate(2025)).toBe('2025');
    expect(frontMatterDate('soon')).toBeNull();
  });

  it('takes the front matter first, then the Word properties, then the title', () => {
    const titled = '# Neglect audit, March 2025\n\n## Findings\n\nPlans drifted.\n';
    const dated = `---\ndate: 2026-01-15\n---\n\n${titled}`;
    const [a, b, c] = summariseProgramme([input('a.md', dated, '2024-05-01'), input('b.md', titled, '2024-05-01'), input('c.md', titled)], { today: '2026-12-07' }).reports;
    expect([a.date, b.date, c.date]).toEqual(['2026-01-15', '2024-05-01', '2025-03']);
  });
});

describe('themes', () => {
  it('every theme in the data has an id, a label, signals that compile, a reason and a source', () => {
    expect(THEMES.length).toBe(17);
    expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
    for (const theme of THEMES) {
      expect(theme.label && theme.reason && theme.source, theme.id).toBeTruthy();
      expect(theme.signals.length, theme.id).toBeGreaterThan(0);
      for (const signal of theme.signals) expect(() => new RegExp(signal, 'iu'), `${theme.id}: ${signal}`).not.toThrow();
    }
  });

  it("are read in findings and learning, not in the method, the background or the actions", () => {
    const text = [
      '# Audit',
      '## Background\n\nThe audit looked at domestic abuse.',
      '## Methodology\n\nSix cases were chosen. Information sharing was one audit question.',
      '## Findings\n\nPlans drifted and the voice of the child was missing.',
      '## Actions\n\n- The Police will escalate concerns about exploitation by 31 March 2026.',
    ].join('\n\n');
    expect(tagThemes(lint(text, settings).model).map((t) => t.id)).toEqual(['voice-of-the-child', 'drift-and-delay']);
  });

  it('match whole words only', () => {
    const model = lint('# Audit\n\n## Findings\n\nThe MSPs and the CSEs were not examined; delayering happened.\n', settings).model;
    expect(tagThemes(model)).toEqual([]);
  });
});

describe('the programme of the fixture reports', () => {
  const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'));
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();
  const summary = summariseProgramme(
    files.map((file) => input(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'))),
    { today: expected.today },
  );

  it('has each report with its date, profile, missing sections and SMART count, and no other', () => {
    const got = Object.fromEntries(summary.reports.map((r) => [r.file, { date: r.date, profile: r.profile, missingSections: r.missingSections, actions: r.actions }]));
    expect(got).toEqual(expected.reports);
  });

  it('has each action with its due date, status, progress and re-audit mark, and no other', () => {
    const got = summary.actions.map((a) => [a.file, a.line, a.dueText, a.due, a.status, a.progress, a.reaudit, a.dueProblem !== null]);
    expect(got).toEqual(expected.actions);
  });

  it('has each recurring theme with its reports and years, most reports first, and no other', () => {
    expect(Object.fromEntries(summary.themes.map((t) => [t.id, { reports: t.reports, years: t.years }]))).toEqual(expected.themes);
    const counts = summary.themes.map((t) => t.reports.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('is the same summary for the same reports and day', () => {
    const again = summariseProgramme(files.map((file) => input(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'))), { today: expected.today });
    expect(again).toEqual(summary);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    for (const today of ['07/12/2026', '2026-02-30', '']) expect(() => summariseProgramme([], { today })).toThrow(/YYYY-MM-DD/);
  });
});
