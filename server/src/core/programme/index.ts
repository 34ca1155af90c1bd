import { summariseActions, type ActionSummary } from '../actions';
import type { LintResult } from '../engine';
import { summariseReport } from '../summary';
import type { ActionPart, LintSettings, SectionId } from '../types';
import { isIsoDay, yearOf, type IsoDate } from './dates';
import { readDue } from './due';
import { actionProgress } from './progress';
import { frontMatterDate, readWrittenDate } from './report-date';
import { actionStatus, type ActionStatus } from './status';
import { tagThemes, THEMES } from './themes';

export { ACTION_STATUSES, DUE_SOON_DAYS, type ActionStatus } from './status';
export type { IsoDate } from './dates';

/** One linted report, as the command line or the browser page read it. */
export interface ProgrammeInput {
  /** The report's name as shown: a path relative to the working folder, or a dropped file's name. */
  file: string;
  /** The lint of the report's text (a Word document's converted Markdown); its model is read. */
  result: LintResult;
  settings: LintSettings;
  /** The date in a Word document's properties, if it has one. */
  propertyDate?: IsoDate | null;
}

export interface ProgrammeReport {
  file: string;
  title: string | null;
  /** Full or partial ISO date ("2026-03-01", "2026-03", "2026"), or null when the report gives none. */
  date: IsoDate | null;
  profile: string;
  errors: number;
  warnings: number;
  missingSections: SectionId[];
  /** The six facts a methodology states, how many it does and which it leaves out; null without a methodology (or with its rule off). */
  methodology: { stated: number; of: number; missing: string[] } | null;
  actions: { total: number; smart: number };
}

export interface ProgrammeAction {
  file: string;
  line: number;
  text: string;
  owner: string | null;
  measure: string | null;
  /** The deadline as written, or null when the action has none. */
  dueText: string | null;
  due: IsoDate | null;
  status: ActionStatus;
  /** A re-audit or dip sample: how a partnership shows its actions changed practice. */
  reaudit: boolean;
  /** What a status or progress column says, as written. */
  progress: string | null;
  /** Why a deadline that looks like a date was not read as one (never guessed). */
  dueProblem: string | null;
  /** SMART parts the action lacks. */
  missing: ActionPart[];
}

export interface ProgrammeTheme {
  id: string;
  label: string;
  reports: string[];
  years: number[];
}

export interface ProgrammeSummary {
  version: 1;
  today: IsoDate;
  reports: ProgrammeReport[];
  actions: ProgrammeAction[];
  themes: ProgrammeTheme[];
}

const REAUDIT = /\b(?:re-?audit(?:s|ed|ing)?|repeat(?:ed)?\s+(?:the\s+|this\s+|a\s+)?(?:multi-agency\s+)?audit|audit\s+(?:will\s+be\s+)?repeated|dip[- ]?sampl(?:e|es|ed|ing))\b/i;
const METHODOLOGY_FACTS = 6;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function reportDate(input: ProgrammeInput): IsoDate | null {
  const { model } = input.result;
  return frontMatterDate(model.frontMatter?.data?.date) ?? input.propertyDate ?? (model.title ? readWrittenDate(model.title.text) : null);
}

function methodology(input: ProgrammeInput): ProgrammeReport['methodology'] {
  const { result, settings } = input;
  const hasMethod = result.model.sections.some((s) => s.ids.includes('method') || s.impliedIds.includes('method'));
  if (!hasMethod || settings.rules['methodology-detail']?.severity === 'off') return null;
  const missing = result.findings.filter((f) => f.ruleId === 'methodology-detail').map((f) => f.group?.item ?? String(f.data.item));
  return { stated: METHODOLOGY_FACTS - missing.length, of: METHODOLOGY_FACTS, missing };
}

function toAction(file: string, summary: ActionSummary, input: ProgrammeInput, date: IsoDate | null, today: IsoDate): ProgrammeAction {
  const { model } = input.result;
  const words = (part: ActionPart) => (summary[part].present ? oneLine(summary[part].evidence?.text ?? '') || null : null);
  const dueText = words('deadline');
  const reading = readDue(dueText, date);
  const due = reading.kind === 'date' ? reading.due : null;
  const progress = actionProgress(model, summary.item);
  return {
    file,
    line: summary.line,
    text: oneLine(summary.text),
    owner: words('owner'),
    measure: words('measure'),
    dueText,
    due,
    status: actionStatus(due, progress, today),
    // A re-audit is an action, or the measure that checks one ("re-audit of six cases").
    reaudit: REAUDIT.test(summary.text) || REAUDIT.test(words('measure') ?? ''),
    progress,
    dueProblem: reading.kind === 'unread' ? reading.reason : null,
    missing: summary.missing,
  };
}

/**
 * The audit programme at a glance: each report's scorecard, every action with its due date and
 * status on `today`, and the practice themes the reports' findings return to. Pure: the same
 * reports and day give the same summary wherever it runs.
 */
export function summariseProgramme(reports: ProgrammeInput[], options: { today: IsoDate }): ProgrammeSummary {
  if (!isIsoDay(options.today)) throw new RangeError(`today must be a date written YYYY-MM-DD; got "${options.today}"`);
  const summary: ProgrammeSummary = { version: 1, today: options.today, reports: [], actions: [], themes: [] };
  const themeReports = new Map<string, { reports: string[]; years: Set<number> }>();
  for (const input of reports) {
    const { result, settings, file } = input;
    const date = reportDate(input);
    // A learning point written like an action is not an item of the action plan.
    const actions = summariseActions(result.model, settings)
      .filter((action) => !action.soft)
      .map((action) => toAction(file, action, input, date, options.today));
    const scorecard = summariseReport(result, settings);
    summary.reports.push({
      file,
      title: result.model.title ? oneLine(result.model.title.text) : null,
      date,
      profile: result.profile,
      errors: scorecard.counts.bySeverity.error,
      warnings: scorecard.counts.bySeverity.warning,
      missingSections: result.findings.filter((f) => f.ruleId === 'required-section').flatMap((f) => f.data.missing as SectionId[]),
      methodology: methodology(input),
      actions: { total: actions.length, smart: actions.filter((a) => a.missing.length === 0).length },
    });
    summary.actions.push(...actions);
    for (const tag of tagThemes(result.model)) {
      const entry = themeReports.get(tag.id) ?? { reports: [], years: new Set<number>() };
      entry.reports.push(file);
      if (date) entry.years.add(yearOf(date));
      themeReports.set(tag.id, entry);
    }
  }
  summary.themes = THEMES.filter((theme) => themeReports.has(theme.id))
    .map((theme) => {
      const entry = themeReports.get(theme.id)!;
      return { id: theme.id, label: theme.label, reports: entry.reports, years: [...entry.years].sort((a, b) => a - b) };
    })
    // The themes that recur most first; the data file's order among equals.
    .sort((a, b) => b.reports.length - a.reports.length);
  return summary;
}
