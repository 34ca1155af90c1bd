import { summariseActions } from './actions';
import type { LintResult } from './engine';
import { countBySeverity, present as presentProblems, type Presented } from './present';
import type { ActionPart, Finding, LintSettings, SectionId } from './types';

export interface SectionSummary {
  id: SectionId;
  present: boolean;
  /** The profile requires this section, alone or as one of alternatives. */
  required: boolean;
  /** Its requirement is met, by this section or an alternative; for a recommended section, that it is present. */
  satisfied: boolean;
  title?: string;
  /** 1-based line of the first heading that counts as this section. */
  line?: number;
}

export interface ActionStatus extends Record<ActionPart, boolean> {
  /** 1-based line where the action starts. */
  line: number;
  text: string;
  /** Parts present out of the four. */
  score: number;
}

export interface ReportSummaryData {
  profile: string;
  profileTitle: string;
  sections: SectionSummary[];
  actions: ActionStatus[];
  counts: { byRule: Record<string, number>; bySeverity: { error: number; warning: number; info: number } };
}

/** The scorecard of a linted report: sections present or missing, each action's SMART parts, counts. */
export function summariseReport(result: LintResult, settings: LintSettings): ReportSummaryData {
  return { ...summariseStructure(result, settings), counts: countProblems(result.findings, presentProblems(result.findings)) };
}

/** The counts by rule (findings) and by severity (problems as the Problems panel shows them: an action missing three parts is one). */
export function countProblems(findings: readonly Finding[], problems: readonly Presented[]): ReportSummaryData['counts'] {
  const byRule: Record<string, number> = {};
  for (const finding of findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return { byRule, bySeverity: countBySeverity(problems) };
}

/** The scorecard without its counts: the sections the profile asks for and each action's SMART parts. */
export function summariseStructure(result: LintResult, settings: LintSettings): Omit<ReportSummaryData, 'counts'> {
  const { model } = result;
  const profile = model.profile.definition;
  const firstWith = (id: SectionId) => model.sections.find((s) => s.ids.includes(id) || s.impliedIds.includes(id));
  const present = (id: SectionId) => firstWith(id) !== undefined;

  const sections: SectionSummary[] = [];
  const add = (id: SectionId, required: boolean, satisfied: boolean) => {
    if (sections.some((s) => s.id === id)) return;
    const section = firstWith(id);
    sections.push({
      id,
      present: section !== undefined,
      required,
      satisfied,
      ...(section ? { title: section.title, line: model.lines.position(section.start).line } : {}),
    });
  };
  for (const requirement of profile.required) {
    const met = requirement.some((alternative) => alternative.every(present));
    for (const alternative of requirement) for (const id of alternative) add(id, true, met);
  }
  for (const id of profile.recommended) add(id, false, present(id));

  // The same reading of each action as the SMART rules make, so the scorecard and the findings agree.
  const actions = summariseActions(model, settings).map((action) => ({
    line: action.line,
    text: action.text,
    owner: action.owner.present,
    measure: action.measure.present,
    deadline: action.deadline.present,
    outcome: action.outcome.present,
    score: action.score,
  }));
  return { profile: profile.id, profileTitle: profile.title, sections, actions };
}
