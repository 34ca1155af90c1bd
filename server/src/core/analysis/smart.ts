import agencyData from '../data/agencies.json';
import type { Vocabulary } from '../types';
import { findWeakWording, literalPattern, type UserVocabulary, type WordingMatch } from './lexicon';
import { findBareConnectives, findPositiveMarkers } from './markers';

export interface Span {
  start: number;
  end: number;
}

export type SmartProblem =
  | 'diffuse-owner'
  | 'agentless-passive'
  /** Addressed to the reader ("you", an imperative): fine in a briefing, not in a report. */
  | 'reader-addressed'
  | 'no-owner'
  | 'unmeasured-quality'
  | 'no-measure'
  | 'vague-time'
  | 'no-deadline'
  /** An outcome connective that leads to a service result, not to the child or family. */
  | 'service-outcome'
  | 'no-outcome';

export interface DiffuseOwner {
  term: string;
  reason: string;
  suggestion: string;
}

export interface PartAnalysis {
  present: boolean;
  /** The words that satisfy the check. */
  evidence?: Span;
  problem?: SmartProblem;
  /** The words that cause the problem, when there are any. */
  problemSpan?: Span;
  /** A deadline relative to a meeting or a cycle ("by the next core group", "quarterly"). */
  relative?: boolean;
  diffuse?: DiffuseOwner;
}

export interface ActionAnalysis {
  owner: PartAnalysis;
  measure: PartAnalysis;
  deadline: PartAnalysis;
  outcome: PartAnalysis;
  /** Hedges and vague verbs (categories H and V) in the action. */
  weakVerbs: WordingMatch[];
  /** The action opens with a weak verb ("Consider …", "Ensure …"). */
  weakImperative: boolean;
  /** Owner, measure and deadline all present: weak verbs inside it matter less. */
  smart: boolean;
  /** Parts present out of owner, measure, deadline and outcome. */
  score: number;
}

export type ActionVocabulary = Partial<Pick<Vocabulary, 'agencies' | 'roles' | 'allow' | 'forbid'>>;

const EDGE_BEFORE = '(?<![A-Za-z0-9_])';
const EDGE_AFTER = '(?![A-Za-z0-9_])';
const anyOf = (sources: readonly string[], flags = 'gi'): RegExp =>
  new RegExp(`${EDGE_BEFORE}(?:${sources.join('|')})${EDGE_AFTER}`, flags);

function firstMatch(regex: RegExp, text: string, from = 0): Span | undefined {
  regex.lastIndex = from;
  const m = regex.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function allMatches(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    else spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

// ---------------------------------------------------------------- owner

/** Numbering, bullets and labels in front of the action itself ("5.4", "Action 2:", "a)"). */
const LEADING_LABEL =
  /^[\s*•·-]*(?:(?:action|recommendation|rec|step)\s*\d*[:.)–-]?\s+|\d+(?:\.\d+)*[.)]?\s+|[a-z][.)]\s+|\(?[ivx]+\)\s+)*/i;

/** A leading clause that sets a condition or a date: "When a plan is updated, …", "By March 2026, …". */
const LEADING_CLAUSE =
  /^(?:when|where|wherever|if|once|from|by|following|after|before|at|for|in|during|within|until|as part of)\b[^,;.]{0,120},\s*/i;

/** Where the subject of an action ends and its predicate begins. */
const PREDICATE = new RegExp(
  `${EDGE_BEFORE}(?:is to|are to|is being|are being|will|shall|should|must|needs? to|has to|have to|ha(?:s|ve) agreed to|agrees? to|is responsible|are responsible|takes? the lead|(?<!\\b(?:order|able|as|due|going|likely|used|how|relation|regard|prior|subsequent|according|access|up|want|wants|need|attention|respect|commitment|contribute)\\s)to)${EDGE_AFTER}`,
  'i',
);

const PASSIVE = anyOf([
  '(?:needs? to|has to|have to|is to|are to|ought to|to|will|shall|should|must|can|could|may|might|would) be (?:[a-z]+ed|given|taken|seen|done|made|kept|sent|held|shown|written|drawn|undertaken|sought|built|known|heard)',
  // Work in progress with nobody named: "the strategy is being reviewed".
  '(?:is|are) (?:now |currently )?being (?:[a-z]+ed|given|taken|done|made|written|drawn|undertaken|sought|built)',
  'it is recommended(?: that)?',
  'it is suggested that',
  'there (?:is|was) a need (?:to|for)',
  'there needs to be',
  'there should be',
  'consideration (?:should|must|needs to|will) be given',
]);

/** "by the X", "led by X", "Lead: X": an owner named after the verb (case-sensitive so "the QA" counts as a name). */
const AGENT_CUE = /(?:\b[Ll]ed by|\b[Bb]y|\b[Ll]ead\s*[:–-]|\b[Oo]wner\s*[:–-]|\b[Rr]esponsible\s*[:–-]|\b[Aa]ccountable\s*[:–-])\s+(?:(?:the|each|every|[A-Z][A-Za-z&]*)\s+){0,3}$/;
/** "X (lead)", "X to lead", "X will lead", "X is responsible". */
const LEAD_CUE = /^\s*(?:\(lead\)|to lead|will lead|leads|is responsible|are responsible|is accountable)/i;

const TITLED_NAME = /(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+/;
/** Capitals inside a word or a run of capitals: an acronym or a proper name such as "CYPFs". */
const ACRONYM = /(?<![A-Za-z0-9])(?:[A-Z][A-Za-z&]*[A-Z][a-z]?s?|[A-Z]{2,})(?![A-Za-z0-9])/;
/** A capitalised word after the first word: a proper noun such as "Devon & Cornwall Police". */
const INNER_CAPITAL = /\s(?:&\s)?[A-Z][a-z'’]+/;

const READER = anyOf(['you', 'your', 'yourself']);

/** Verbs that open an instruction to the reader. */
const IMPERATIVE = anyOf([
  'consider|ensure|explore|look|support|monitor|review|improve|strengthen|promote|develop|embed|address|tackle|liaise|engage',
  'continue|maintain|focus|remember|encourage|raise|share|use|complete|record|ask|check|think|make|be|keep|refer|attend|book',
  'talk|listen|read|seek|speak|challenge|escalate|identify|include|write|update|visit|involve|capture|obtain|gather|discuss',
  'agree|hold|arrange|contact|find|access|apply|follow|know|please|note|recognise|recognize|reflect|try|aim|seek|work|plan',
  'add|name|tell|give|call|send|invite|offer|show|explain|request|set|start|stop|watch|phone|help|notice|consult|observe',
]);

interface OwnerMatcher {
  named: RegExp;
  diffuse: { regex: RegExp; owner: DiffuseOwner }[];
}

function compileOwnerMatcher(vocabulary: ActionVocabulary): OwnerMatcher {
  const sources = [
    ...agencyData.agencies.map((item) => item.pattern),
    ...agencyData.roles.map((item) => item.pattern),
    ...[...(vocabulary.agencies ?? []), ...(vocabulary.roles ?? [])].filter((name) => name.trim()).map(literalPattern),
  ];
  return {
    named: anyOf(sources),
    diffuse: agencyData.diffuse.map(({ term, pattern, reason, suggestion }) => ({
      regex: anyOf([pattern]),
      owner: { term, reason, suggestion },
    })),
  };
}

/** Offset after any numbering, label and leading condition: where the action's subject starts. */
export function actionBodyStart(text: string): number {
  const label = LEADING_LABEL.exec(text);
  let start = label ? label[0].length : 0;
  const clause = LEADING_CLAUSE.exec(text.slice(start)) ?? leadingDate().exec(text.slice(start));
  if (clause) start += clause[0].length;
  return start;
}

let leadingDateRegex: RegExp | undefined;
/** "By 31 March 2026 the DSL …": a date in front of the subject, with or without a comma. */
function leadingDate(): RegExp {
  return (leadingDateRegex ??= new RegExp(`^(?:by|from|before|until|in|during|no later than)\\s+(?:${DATE_SOURCES.join('|')})[,\\s]*`, 'i'));
}

/** Determiners and possessives that may stand in front of an owner without a verb ("each school's"). */
const OWNER_LEAD_IN = /^(?:(?:the|a|an|each|every|our|their|its|local|named|allocated|[A-Za-z-]+['’]s)\s+){0,4}$/i;

function analyseOwner(text: string, matcher: OwnerMatcher): PartAnalysis {
  const bodyStart = actionBodyStart(text);
  const body = text.slice(bodyStart);
  const predicate = PREDICATE.exec(body.slice(0, 100));
  const subject: Span | undefined =
    predicate && predicate.index > 0 ? { start: bodyStart, end: bodyStart + predicate.index } : undefined;

  // A named agency or role in the subject, or named as the agent or lead anywhere.
  for (const span of allMatches(matcher.named, text)) {
    const inSubject = subject !== undefined
      ? overlaps(span, subject)
      : span.start >= bodyStart && span.start - bodyStart <= 60 && OWNER_LEAD_IN.test(text.slice(bodyStart, span.start));
    const cued = AGENT_CUE.test(text.slice(Math.max(0, span.start - 24), span.start)) ||
      LEAD_CUE.test(text.slice(span.end, span.end + 20));
    if (inSubject || cued) return { present: true, evidence: span };
  }

  const passive = firstMatch(PASSIVE, text);
  const subjectIsAgent = subject !== undefined && firstMatch(PASSIVE, text, subject.end)?.start !== subject.end;
  if (subject && subjectIsAgent) {
    const subjectText = text.slice(subject.start, subject.end);
    const at = (span: Span): Span => ({ start: subject.start + span.start, end: subject.start + span.end });
    const proper = TITLED_NAME.exec(subjectText) ?? ACRONYM.exec(subjectText) ?? INNER_CAPITAL.exec(subjectText);
    if (proper) {
      const leadingSpace = proper[0].length - proper[0].trimStart().length;
      return { present: true, evidence: at({ start: proper.index + leadingSpace, end: proper.index + proper[0].length }) };
    }
    for (const { regex, owner } of matcher.diffuse) {
      const span = firstMatch(regex, subjectText);
      if (span) return { present: false, problem: 'diffuse-owner', problemSpan: at(span), diffuse: owner };
    }
    const reader = firstMatch(READER, subjectText);
    if (reader) return { present: false, problem: 'reader-addressed', problemSpan: at(reader) };
  }
  if (passive) return { present: false, problem: 'agentless-passive', problemSpan: passive };
  const opening = firstMatch(IMPERATIVE, text, bodyStart);
  if (opening && opening.start === bodyStart) return { present: false, problem: 'reader-addressed', problemSpan: opening };
  const reader = firstMatch(READER, text);
  if (reader) return { present: false, problem: 'reader-addressed', problemSpan: reader };
  return { present: false, problem: 'no-owner' };
}

// ---------------------------------------------------------------- measure

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)';
const COUNTED =
  '(?:cases|case files|files|plans|records|children|families|referrals|assessments|pupils|sessions|visits|staff|practitioners|schools|audits|agencies|people|parents|young people|chronologies)';

const MEASURE = anyOf([
  '\\d+(?:\\.\\d+)?\\s?(?:%|per ?cent)',
  `(?:\\d+|${NUMBER_WORD})\\s+(?:more\\s+|further\\s+)?${COUNTED}`,
  '(?:all|every|each|at least|no fewer than)\\s+(?:of\\s+the\\s+)?(?:\\d+\\s+)?(?:cases?|case files?|files?|plans?|records?|child|children|famil(?:y|ies)|referrals?|assessments?|pupils?|chronolog(?:y|ies))',
  `(?:\\d+|${NUMBER_WORD})\\s+(?:of|out of|in)\\s+(?:the\\s+)?(?:\\d+|${NUMBER_WORD})`,
  're-?audit(?:s|ed|ing)?|dip[- ]?sampl(?:e|es|ed|ing)|spot[- ]?check(?:s|ed|ing)?',
  'KPIs?|key performance indicators?|performance (?:data|indicators?|measures?|dashboards?|reports?)',
  'surveys?|questionnaires?',
  'evidenced (?:by|in|through)|measured (?:by|through|using|against)|as shown by',
  'success (?:measures?|criteria)|targets?|baselines?',
  '(?:next|follow-up|annual|themed|repeat|case file|multi-agency) audit|audit (?:of|will|to check|checks|finds|found)',
  '(?:checked|verified|tested|confirmed) (?:by|through|at|in|against)',
  'report(?:s|ed|ing)? (?:progress |back |findings |the (?:results?|findings|outcomes?) )?(?:to|on) (?:the )?(?:board|sub-?group|panel|executive|partnership|committee)',
  '\\[n\\]\\s?%|\\[(?:target|baseline|measure)\\]',
]);

function analyseMeasure(text: string, weak: readonly WordingMatch[]): PartAnalysis {
  const evidence = firstMatch(MEASURE, text);
  if (evidence) return { present: true, evidence };
  const quality = weak.find((hit) => (hit.entry.category === 'Q' || hit.entry.category === 'O') && !hit.entry.quantity);
  return quality
    ? { present: false, problem: 'unmeasured-quality', problemSpan: { start: quality.start, end: quality.end } }
    : { present: false, problem: 'no-measure' };
}

// ---------------------------------------------------------------- deadline

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '(?:19|20)\\d{2}';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const PERIOD_COUNT = `(?:\\d+|${NUMBER_WORD}|a|an|\\[n\\])`;
const MEETING =
  '(?:review|core group(?: meeting)?|conference|review conference|child protection conference|RCPC|ICPC|strategy meeting|audit|re-?audit|board(?: meeting)?|panel|sub-?group(?: meeting)?|meeting|visit|supervision|MACA)';

const DATE_SOURCES = [
  `${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(?:${YEAR}|\\d{2})`,
  `${MONTH}\\s+${ORDINAL},?\\s+${YEAR}`,
  `${MONTH}\\s+${YEAR}`,
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
  `${YEAR}-\\d{2}-\\d{2}`,
  `(?:by|before|until|till|from|in|during|no later than|(?:the )?(?:end|start|beginning|middle) of|mid|early|late)\\s+${MONTH}(?:\\s+${YEAR})?`,
  `Q[1-4](?:\\s+(?:of\\s+)?${YEAR}(?:/\\d{2})?)?`,
  '(?:first|second|third|fourth|final|last|next|this)\\s+quarter|quarter\\s+[1-4]',
  `${YEAR}\\s?[/–-]\\s?\\d{2}(?![\\d-])`,
  `(?:this|next|the)\\s+(?:financial|academic|school)\\s+year|(?:financial|academic)\\s+year\\s+${YEAR}`,
  `(?:spring|summer|autumn)\\s+(?:half[- ])?term|(?:spring|summer|autumn|winter)\\s+${YEAR}`,
  `(?:by|before|in|during|from|until|(?:the )?end of)\\s+${YEAR}(?![/–-]\\d)`,
  `(?:within|in|over the next)\\s+${PERIOD_COUNT}\\s+(?:working\\s+|calendar\\s+|school\\s+)?(?:days?|weeks?|months?|hours?|years?|terms?)`,
  '(?:by|at|before)\\s+the\\s+(?:end|close)\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:month|term|quarter|year|financial year|academic year)',
  'with immediate effect|immediately|from today|from now on',
  '(?:by|from|before|until|in|within)\\s+\\[[^\\]\\n]{1,24}\\]',
];
const DATE = anyOf(DATE_SOURCES);

const REVIEW_POINT = anyOf([
  `(?:by|before|at|for|until|ahead of|after|from)\\s+(?:the\\s+)?(?:first|next|initial|each|every|following|subsequent|second)\\s+${MEETING}`,
  `every\\s+${PERIOD_COUNT}\\s+(?:days|weeks|months)`,
  'weekly|fortnightly|monthly|quarterly|termly|annually|yearly|bi-?annually|every (?:week|month|term|quarter|year)',
]);

/**
 * Words in a deadline's place that name no time: a pointer elsewhere ("As per the action plan",
 * "In line with the strategy", "See above"), a time still to be set ("TBC") or none ("ongoing").
 * A pointer counts only as the whole of a Due cell or field: in a sentence it says how, not when.
 */
const POINTER = new RegExp(
  '^[\\s*_]*(?:(?:as per|in line with|in accordance with|according to|see|as set out in)\\s+(?:the\\s+|our\\s+|this\\s+)?' +
    '(?:[a-z]+\\s+)?(?:action plans?|plans?|strateg(?:y|ies)|work ?plans?|programme|timetable|timescales?|schedule|above|below)|as (?:above|below))[\\s.*_]*$',
  'i',
);
const UNSET = anyOf(['TBC|TBA|TBD|to be (?:confirmed|agreed|arranged|decided|determined|set)', 'ongoing|on-going|continuous|as (?:and when|required|needed|necessary)']);

function noDate(text: string): Span | undefined {
  const pointer = POINTER.exec(text);
  if (pointer) {
    const start = text.search(/\S/);
    return { start, end: start + text.trim().replace(/[*_.]+$/, '').length };
  }
  return firstMatch(UNSET, text);
}

/** The words given for an action's deadline that are no date ("As per the action plan", "TBC"), when it gives no date. */
export function notADate(text: string): Span | undefined {
  return firstMatch(DATE, text) || firstMatch(REVIEW_POINT, text) ? undefined : noDate(text);
}

function analyseDeadline(text: string, weak: readonly WordingMatch[]): PartAnalysis {
  const date = firstMatch(DATE, text);
  if (date) return { present: true, evidence: date };
  const point = firstMatch(REVIEW_POINT, text);
  if (point) return { present: true, evidence: point, relative: true };
  // Reported as a vague time: a Due column holding one is then not taken for a deadline.
  const pointer = noDate(text);
  if (pointer) return { present: false, problem: 'vague-time', problemSpan: pointer };
  const vague = weak.find((hit) => hit.entry.category === 'T');
  return vague
    ? { present: false, problem: 'vague-time', problemSpan: { start: vague.start, end: vague.end } }
    : { present: false, problem: 'no-deadline' };
}

// ---------------------------------------------------------------- outcome

function analyseOutcome(text: string): PartAnalysis {
  const marker = findPositiveMarkers(text).find((m) => m.kind !== 'evidence');
  if (marker) return { present: true, evidence: { start: marker.start, end: marker.end } };
  const bare = findBareConnectives(text)[0];
  return bare ? { present: false, problem: 'service-outcome', problemSpan: bare } : { present: false, problem: 'no-outcome' };
}

// ---------------------------------------------------------------- action

const matcherCache = new WeakMap<ActionVocabulary, OwnerMatcher>();
let defaultMatcher: OwnerMatcher | undefined;

function ownerMatcherFor(vocabulary?: ActionVocabulary): OwnerMatcher {
  if (!vocabulary) return (defaultMatcher ??= compileOwnerMatcher({}));
  let matcher = matcherCache.get(vocabulary);
  if (!matcher) {
    matcher = compileOwnerMatcher(vocabulary);
    matcherCache.set(vocabulary, matcher);
  }
  return matcher;
}

const userCache = new WeakMap<ActionVocabulary, UserVocabulary>();

function userVocabularyFor(vocabulary?: ActionVocabulary): UserVocabulary | undefined {
  if (!vocabulary) return undefined;
  let words = userCache.get(vocabulary);
  if (!words) {
    words = { allow: vocabulary.allow ?? [], forbid: vocabulary.forbid ?? [] };
    userCache.set(vocabulary, words);
  }
  return words;
}

/** Does the text name an agency or role, a configured one included, or a diffuse owner ("all agencies")? */
export function namesOwner(text: string, vocabulary?: ActionVocabulary): boolean {
  const matcher = ownerMatcherFor(vocabulary);
  return firstMatch(matcher.named, text) !== undefined || matcher.diffuse.some(({ regex }) => firstMatch(regex, text) !== undefined);
}

/** Hedges and vague verbs in an action (lexicon categories H and V, action-only entries included). */
export function findWeakVerbs(text: string, vocabulary?: ActionVocabulary): readonly WordingMatch[] {
  return findWeakWording(text, ['H', 'V'], { inAction: true, vocabulary: userVocabularyFor(vocabulary) });
}

/** Does the action open with a weak verb ("Consider …", "Ensure that …")? */
export function isWeakImperative(text: string, vocabulary?: ActionVocabulary): boolean {
  const start = actionBodyStart(text);
  return findWeakVerbs(text, vocabulary).some((hit) => hit.start === start);
}

/**
 * Scores one action item (its prose, markup blanked; offsets map to the source) for a named
 * owner, a measure, a deadline and a link to what changes for the child or family.
 */
export function analyseAction(source: string, vocabulary?: ActionVocabulary): ActionAnalysis {
  // Paragraph numbers ("5.4") are not counts or dates.
  const label = LEADING_LABEL.exec(source)?.[0].length ?? 0;
  const text = ' '.repeat(label) + source.slice(label);
  const weak = findWeakWording(text, undefined, { inAction: true, vocabulary: userVocabularyFor(vocabulary) });
  const weakVerbs = weak.filter((hit) => hit.entry.category === 'H' || hit.entry.category === 'V');
  const owner = analyseOwner(text, ownerMatcherFor(vocabulary));
  const measure = analyseMeasure(text, weak);
  const deadline = analyseDeadline(text, weak);
  const outcome = analyseOutcome(text);
  const bodyStart = actionBodyStart(text);
  return {
    owner,
    measure,
    deadline,
    outcome,
    weakVerbs,
    weakImperative: weakVerbs.some((hit) => hit.start === bodyStart),
    smart: owner.present && measure.present && deadline.present,
    score: [owner, measure, deadline, outcome].filter((part) => part.present).length,
  };
}
