import type { DocumentModel } from '../types';
import { NUMBER_PATTERN, parseCount } from './numbers';

/** Phrases that show a passage describes how an audit was done. */
export const CASE_COUNT = new RegExp(`\\b${NUMBER_PATTERN}\\b(?:[\\s-]+[\\p{L}'’-]+){0,5}?[\\s-]+(?:cases?|children|child|famil(?:y|ies)|audits?|young people|records|files)\\b`, 'iu');
export const SELECTION = /\b(?:random(?:ly)?|selected|selection|chosen|choose|identified|criteria|sampled?|known to|on (?:a |an )?(?:child protection|child in need|cp|cin) plans?|purposive(?:ly)?|picked|drawn from)\b/i;
export const AUDIT_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}[-/]\d{2}(?:[-/]\d{2})?|(?:in|during|over|within) the (?:last|previous|past) (?:\d+|[a-z]+) (?:months?|years?|weeks?)|q[1-4]\s+(?:19|20)\d{2}|(?:in|during|since|from|between) (?:19|20)\d{2})\b/i;
const AUDIT_WORD = /\baudit(?:s|ed|ing)?\b/i;

/** Says why the audit was done: "The aim of the audit was to …", "This audit looked at …". */
const STATES_AIM = /\b(?:(?:aims?|purpose|focus|objectives?) of (?:the|this) audit|(?:the|this) audit (?:aimed|sought|set out|looked at|asked|reviewed how|explored|tested))\b/i;

/** An opening without a background heading still counts as the background when it says why the audit was done. */
export function statesAim(prose: string): boolean {
  return STATES_AIM.test(prose);
}

/** A passage without a methodology heading still counts as the methodology when it says how many cases were audited and how. */
export function describesMethod(prose: string): boolean {
  return AUDIT_WORD.test(prose) && CASE_COUNT.test(prose) && (SELECTION.test(prose) || AUDIT_DATE.test(prose));
}

const counts = new WeakMap<DocumentModel, number | undefined>();

/**
 * How many cases the audit looked at: the front matter's `cases`, else the first count of cases,
 * children or families in the methodology (or in the text that serves as one).
 */
export function auditedCaseCount(model: DocumentModel): number | undefined {
  if (counts.has(model)) return counts.get(model);
  let count: number | undefined;
  const declared = model.frontMatter?.data?.cases;
  if (Number.isInteger(declared) && (declared as number) > 0) count = declared as number;
  const method = model.sections.filter((s) => s.ids.includes('method') || s.impliedIds.includes('method'));
  const ranges = method.length > 0 ? method.map((s) => [s.headingEnd, s.end]) : model.sections.length === 0 ? [[0, model.prose.length]] : [];
  for (const [from, to] of ranges) {
    if (count !== undefined) break;
    const text = model.prose.slice(from, to);
    if (method.length === 0 && !describesMethod(text)) continue;
    const match = CASE_COUNT.exec(text);
    if (match) count = parseCount(match[0].trim().split(/[\s-]+/)[0]);
  }
  counts.set(model, count);
  return count;
}
