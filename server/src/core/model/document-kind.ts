import type { ActionItem, DocumentKind, Section, SectionId } from '../types';

/** Audits spoken of in general: "multi-agency audits are …", "the audit programme", "this tool", "once every two years". */
const AUDITS_IN_GENERAL =
  /\b(?:audits\b|audit (?:programme|program|framework|cycle|tool(?:kit)?s?|process|activity|schedule|plan)\b|self[- ]assessments?\b|quality assurance (?:framework|programme|activity)|(?:this|the|an?) (?:audit |assessment |self[- ]assessment )?tool(?:kit)?\b|(?:once )?every (?:two |three |\d+ )?years?\b|each year\b|annually\b)/gi;

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
