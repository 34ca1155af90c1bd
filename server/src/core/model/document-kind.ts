import type { ActionItem, DocumentKind, Section, SectionId } from '../types';

/** Audits spoken of in general: "multi-agency audits are …", "the audit programme", "a self-assessment tool". */
const AUDITS_IN_GENERAL = /\b(?:audits\b|audit (?:programme|program|framework|cycle|tool(?:kit)?s?|process|activity|schedule|plan)\b|self[- ]assessments?\b|quality assurance (?:framework|programme|activity))/gi;

const has = (sections: readonly Section[], ids: readonly SectionId[]) =>
  sections.some((s) => [...s.ids, ...s.impliedIds].some((id) => ids.includes(id)));

/**
 * A report of an audit, or a page about audits (a programme, a framework, a tool): one that speaks
 * of audits in general and states no method, no findings and no actions of its own. A report's
 * sections are not demanded of such a page.
 */
export function documentKind(sections: readonly Section[], prose: string, actions: readonly ActionItem[]): DocumentKind {
  if (actions.length > 0 || has(sections, ['method', 'findings', 'strengths', 'development', 'actions', 'grading'])) return 'report';
  const general = prose.match(AUDITS_IN_GENERAL)?.length ?? 0;
  return general >= 2 ? 'about-audits' : 'report';
}
