import { NUMBER_PATTERN } from './numbers';

/** Phrases that show a passage describes how an audit was done. */
export const CASE_COUNT = new RegExp(`\\b${NUMBER_PATTERN}\\b(?:[\\s-]+[\\p{L}'’-]+){0,5}?[\\s-]+(?:cases?|children|child|famil(?:y|ies)|audits?|young people|records|files)\\b`, 'iu');
export const SELECTION = /\b(?:random(?:ly)?|selected|selection|chosen|choose|identified|criteria|sampled?|known to|on (?:a |an )?(?:child protection|child in need|cp|cin) plans?|purposive(?:ly)?|picked|drawn from)\b/i;
export const AUDIT_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}[-/]\d{2}(?:[-/]\d{2})?|(?:in|during|over|within) the (?:last|previous|past) (?:\d+|[a-z]+) (?:months?|years?|weeks?)|q[1-4]\s+(?:19|20)\d{2}|(?:in|during|since|from|between) (?:19|20)\d{2})\b/i;
const AUDIT_WORD = /\baudit(?:s|ed|ing)?\b/i;

/** A passage without a methodology heading still counts as the methodology when it says how many cases were audited and how. */
export function describesMethod(prose: string): boolean {
  return AUDIT_WORD.test(prose) && CASE_COUNT.test(prose) && (SELECTION.test(prose) || AUDIT_DATE.test(prose));
}
