import type { Section } from '../types';
import { describesMethod, statesAim } from './method-cues';

/**
 * Sections are their content too: a methodology told in the introduction, or an untitled opening
 * that says why the audit was done, counts as that section.
 */
export function inferSectionsByContent(sections: Section[], prose: string): void {
  if (!sections.some((s) => s.ids.includes('method'))) {
    const candidate = sections.find((s) => (s.depth === 1 || s.ids.includes('context')) && describesMethod(prose.slice(s.headingEnd, s.end)));
    if (candidate) candidate.impliedIds.push('method');
    // Text before the first heading (an untitled opening, as in text from a PDF) speaks for the report.
    else if (sections.length > 0 && describesMethod(prose.slice(0, sections[0].start))) sections[0].impliedIds.push('method');
  }
  if (!sections.some((s) => s.ids.includes('context')) && sections.length > 0 && statesAim(prose.slice(0, sections[0].start))) {
    sections[0].impliedIds.push('context');
  }
}
