import type { DocumentModel } from '../types';
import { NUMBER_PATTERN, parseCount } from './numbers';

/** Phrases that show a passage describes how an audit was done. A section of an Act ("s.175", "Section 11 audits") is not a count. */
export const CASE_COUNT = new RegExp(`(?<!\\b[Ss]\\.?\\s?|[/§&]\\s?|\\b[Ss]ections?\\s|\\b[Ss]s\\.?\\s?)\\b${NUMBER_PATTERN}\\b(?:[\\s-]+[\\p{L}'’-]+){0,5}?[\\s-]+(?:cases?|children|child|famil(?:y|ies)|adults?|audits?|young people|records|files|contacts|referrals)\\b`, 'iu');
export const SELECTION = /\b(?:random(?:ly)?|selected|selection|chosen|choose|identified|criteria|sampled?|known to|on (?:a |an )?(?:child protection|child in need|cp|cin) plans?|purposive(?:ly)?|picked|drawn from)\b/i;
export const AUDIT_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}[-/]\d{2}(?:[-/]\d{2})?|(?:in|during|over|within) the (?:last|previous|past) (?:\d+|[a-z]+) (?:months?|years?|weeks?)|q[1-4]\s+(?:19|20)\d{2}|(?:in|during|since|from|between) (?:19|20)\d{2})\b/i;
const AUDIT_WORD = /\baudit(?:s|ed|ing)?\b/i;

/** Agencies named in a methodology. */
const AGENCY = /\b(?:police|health visit(?:ing|ors?)|school nurs(?:e|es|ing)|schools?|education|children'?s social care|social care|social work(?:ers?)?|\bcsc\b|gps?|general practi(?:ce|tioners?)|probation|housing|camhs|mental health|early help|youth (?:justice|offending)|midwi(?:fe|ves|fery)|hospitals?|ambulance|substance misuse|drug and alcohol|domestic abuse services?|nhs|health|local authority|council|paediatric|nursery|nurseries|children'?s centres?|voluntary sector|adult social care)\b/gi;
const AGENCY_PHRASE = /\b(?:agencies (?:involved|taking part|took part|participated|participating|represented|contributed)|multi[- ]agency (?:panel|audit group|group)|(?:partner|participating) agencies)\b/i;
const GRADING = /\b(?:grad(?:ed|es?|ings?)|judged|judgements?|rated|rating|outstanding|requires? improvement|inadequate|not graded|ungraded|RAG|red,? amber,? (?:and |or )?green|self[- ]rat(?:e|ed|ing))\b/i;
const VIEWS = /\b(?:(?:child(?:ren)?|young (?:person|people)|parents?|carers?|famil(?:y|ies))(?:'s|s'|’s)?\s+(?:own\s+)?(?:views?|voices?|feedback|consent|experiences?|wishes)|views of (?:the )?(?:child|children|young|parents?|carers?|famil)|voice of the child|(?:spoke|spoken|talked|met) (?:to|with) (?:the )?(?:child|children|young|parents?|carers?|famil)|\b(?:asked for|sought|seeking|gathered|obtained|ascertained|captured|heard)\b[^.;]{0,40}\bviews\b|\b(?:parents?|carers?|famil(?:y|ies)|children|young (?:person|people))\b[^.;]{0,60}\b(?:spoke|told|talked|explained)\b)/i;

/** How often a programme's audits run: its timing, when no dates are given. */
const FREQUENCY = /\b(?:annual(?:ly)?|each year|every (?:two |three |\d+ )?years?|quarterly|each quarter|every (?:three|six) months|twice a year)\b/i;

export type MethodFact = 'cases' | 'selection' | 'agencies' | 'dates' | 'grading' | 'views';

/** The facts a methodology is made of, each found in a passage by its own test. */
export const METHOD_FACTS: Record<MethodFact, (text: string) => boolean> = {
  cases: (text) => CASE_COUNT.test(text),
  selection: (text) => SELECTION.test(text),
  agencies: (text) => AGENCY_PHRASE.test(text) || new Set((text.match(AGENCY) ?? []).map((a) => a.toLowerCase())).size >= 2,
  dates: (text) => AUDIT_DATE.test(text) || FREQUENCY.test(text),
  grading: (text) => GRADING.test(text),
  views: (text) => VIEWS.test(text),
};

/** The method facts a passage states. */
export function methodFactsIn(text: string): MethodFact[] {
  return (Object.keys(METHOD_FACTS) as MethodFact[]).filter((fact) => METHOD_FACTS[fact](text));
}

/** Says why the audit was done: "The aim of the audit was to …", "This audit looked at …". */
const STATES_AIM = /\b(?:(?:aims?|purpose|focus|objectives?) of (?:the|this) (?:audit|tool|protocol|policy|framework|review|self[- ]assessment)|(?:the|this) audit (?:aimed|sought|set out|looked at|asked|reviewed how|explored|tested))\b/i;

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
