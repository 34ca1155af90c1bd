/**
 * Quasi-identifiers: details harmless alone that, combined in one sentence, can identify a child
 * in a cohort of a handful of cases from one area (jigsaw identification, the ICO "motivated
 * intruder" test). Patterns are bounded, so detection is linear in the text.
 */
import { matchesOf } from '../text';
import { findDates, mayHoldDate } from './finders/date-of-birth';

export type QuasiKind =
  | 'age'
  | 'sex'
  | 'ethnicity'
  | 'condition'
  | 'family'
  | 'date'
  | 'locality'
  | 'establishment'
  | 'event';

export interface QuasiMatch {
  kind: QuasiKind;
  start: number;
  end: number;
}

export interface QuasiOptions {
  /** Dates here are the audit's own (methodology), not events in a child's life. */
  ignoreDates?: boolean;
}

const NUMBER = String.raw`(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)`;
const COUNT = String.raw`(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
/** "aged 0-5" and "aged 2 to 4" are bands, which is what anonymised reports should use. */
const NOT_A_RANGE = String.raw`(?![ \t]?[-–][ \t]?\d|[ \t]{1,3}(?:to|and|or)[ \t]{1,3}(?:\d|over|above|under|older|younger))`;

const PATTERNS: Record<Exclude<QuasiKind, 'date' | 'establishment'>, RegExp[]> = {
  age: [
    new RegExp(String.raw`\baged?[ \t]{1,3}${NUMBER}\b${NOT_A_RANGE}(?:[ \t]{1,3}(?:years?|months?|weeks?|days?))?`, 'gi'),
    new RegExp(String.raw`\b${NUMBER}[- ](?:year|month|week|day)s?[- ]old\b`, 'gi'),
  ],
  sex: [/\b(?:boy|girl|male|female|transgender|non-binary)\b/gi],
  ethnicity: [
    /\benglish (?:is|was) not (?:his|her|their|the (?:family|child|mother|father)['’]s) first language\b/gi,
    /\b(?:interpreter|asylum|refugee|unaccompanied|traveller|gypsy|roma|muslim|sikh|hindu|jewish|jehovah['’]s witness(?:es)?)\b/gi,
    // Capitalised only: "polish" is also a verb.
    /\b(?:Polish|Romanian|Lithuanian|Latvian|Slovak|Czech|Bulgarian|Albanian|Kurdish|Turkish|Somali|Eritrean|Ethiopian|Sudanese|Nigerian|Ghanaian|Congolese|Afghan|Syrian|Iraqi|Iranian|Ukrainian|Pakistani|Bangladeshi|Indian|Chinese|Vietnamese|Portuguese|Urdu|Punjabi|Bengali|Arabic|Pashto|Tigrinya|British Sign Language)\b/g,
  ],
  condition: [
    /\b(?:complex (?:medical |health )?needs|life[- ](?:limiting|threatening)|rare (?:genetic )?(?:condition|disorder|disease)|syndrome|cerebral palsy|cystic fibrosis|spina bifida|muscular dystrophy|sickle cell|epilep(?:sy|tic)|autis(?:m|tic)|deaf|blind|visually impaired|hearing impaired|wheelchair|tube[- ]fed|gastrostomy|tracheostomy|leukaemia|cancer|heart condition|disabilit(?:y|ies)|disabled)\b/gi,
  ],
  family: [
    new RegExp(String.raw`\b(?:one|two|three|\d) of ${COUNT} (?:siblings|children|brothers|sisters|half-siblings)\b`, 'gi'),
    new RegExp(String.raw`\b(?:youngest|eldest|oldest|middle)(?: child)? of ${COUNT}\b`, 'gi'),
    new RegExp(String.raw`\b${COUNT} (?:older |younger )?(?:siblings|half-siblings|brothers|sisters)\b`, 'gi'),
    /\b(?:only child|twins?|triplets|new(?:born)? baby|young carer|single (?:parent|mother|father)|lone parent|sibling group of \w+)\b/gi,
  ],
  locality: [
    /\b(?:village|hamlet|estate|ward|parish) of [A-Z][a-z]{1,30}/g,
    /\b[A-Z][a-z]{1,30}(?: [A-Z][a-z]{1,30})? (?:[Ee]state|[Vv]illage)\b/g,
    /\b(?:lives?|living|lived|moved|moving) (?:in|to) (?!the\b|a\b|an\b)[A-Z][a-z]{1,30}/g,
  ],
  event: [
    /\b(?:died|death|killed|murder(?:ed)?|manslaughter|convicted|conviction|sentenced|imprisoned|prison|custodial sentence|crown court|criminal trial|inquest|fatal|non-accidental injury)\b/gi,
  ],
};

const PATTERN_ENTRIES = Object.entries(PATTERNS) as [QuasiKind, RegExp[]][];

const ESTABLISHMENT =
  /(?<![\w])((?:[A-Z][a-z'’]{1,30}[ \t]){1,4})(?:Primary|Infants?|Junior|Academy|School|College|Surgery|Medical Centre|Health Centre|Nursery|Pre-School)\b(?!['’]?s\b)(?![ \t](?:Care|Nurses?|Nursing|Health|Teams?|Services?|Staff|Age|Phase|Years|Governors?|Leaders?|Settings?|Places?|Partnership|Improvement|Transport|Admissions|Attendance|Readiness)\b)/g;
/** Words that describe a kind of school rather than name one. */
const GENERIC_ESTABLISHMENT_WORDS = new Set(
  (
    'The A An Virtual Local Secondary Primary Special Independent Free Each Every Early Years Health Community ' +
    'Mainstream Alternative Junior Infant Infants Nursery School Schools Designated Named Child Children Their His Her ' +
    'Attended All Pupil Referral Unit Further Higher Education Sixth Form State Maintained New Current Previous Same ' +
    'Medical General Family Practice Registered At In To From And Of By With Both Grammar High Residential Boarding ' +
    'Forest Home Hospital Faith Church Catholic Moving Starting Changing Leaving Transition Parent Parents'
  ).split(' '),
);

function findEstablishments(text: string): QuasiMatch[] {
  const found: QuasiMatch[] = [];
  for (const m of matchesOf(ESTABLISHMENT, text)) {
    const words = m[1].trim().split(/[ \t]+/);
    if (words.every((word) => GENERIC_ESTABLISHMENT_WORDS.has(word.replace(/['’]s$/, '')))) continue;
    found.push({ kind: 'establishment', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

const MONTH_YEAR =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]{1,3}(?:19|20)\d\d\b/g;

function findExactDates(text: string): QuasiMatch[] {
  const dates: QuasiMatch[] = findDates(text).map((date) => ({ kind: 'date', start: date.start, end: date.end }));
  for (const m of matchesOf(MONTH_YEAR, text)) {
    const end = m.index + m[0].length;
    if (!dates.some((date) => date.start <= m.index && end <= date.end)) dates.push({ kind: 'date', start: m.index, end });
  }
  return dates;
}

/** Every quasi-identifier in a piece of text, in order of position. */
export function findQuasiIdentifiers(text: string, options: QuasiOptions = {}): QuasiMatch[] {
  const found: QuasiMatch[] = [];
  for (const [kind, patterns] of PATTERN_ENTRIES) {
    for (const pattern of patterns) {
      for (const m of matchesOf(pattern, text)) found.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  }
  const establishments = findEstablishments(text);
  // "moved to Oakfield Primary" names one place, not a locality and a school.
  const places = found.filter(
    (match) => match.kind !== 'locality' || !establishments.some((school) => match.start < school.end && school.start < match.end),
  );
  places.push(...establishments);
  if (!options.ignoreDates) places.push(...findExactDates(text));
  return places.sort((a, b) => a.start - b.start);
}

/** The distinct kinds present, in a stable order for messages. */
export function quasiKinds(matches: QuasiMatch[]): QuasiKind[] {
  const order: QuasiKind[] = ['age', 'sex', 'ethnicity', 'condition', 'family', 'date', 'locality', 'establishment', 'event'];
  const present = new Set(matches.map((match) => match.kind));
  return order.filter((kind) => present.has(kind));
}

/** Does a global pattern match anywhere in the text? */
function matchesIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Kinds in the order they are tried for presence: the ones with the costliest patterns last. */
const PRESENCE_ORDER: readonly QuasiKind[] = ['sex', 'age', 'family', 'condition', 'ethnicity', 'event', 'locality', 'establishment', 'date'];

/**
 * Could the text hold a detail of this kind? True whenever findQuasiIdentifiers finds one; it may
 * also be true when that finds none (a place inside a school's name, a date that does not exist).
 */
function mayHold(kind: QuasiKind, text: string, options: QuasiOptions): boolean {
  if (kind === 'date') return !options.ignoreDates && (mayHoldDate(text) || matchesIn(MONTH_YEAR, text));
  if (kind === 'establishment') return matchesIn(ESTABLISHMENT, text);
  return PATTERNS[kind].some((pattern) => matchesIn(pattern, text));
}

/**
 * The kinds of detail in a text, when there are at least `threshold` of them; none otherwise. Most
 * sentences hold none, and are left as soon as the kinds not yet tried could not make up the number.
 */
export function quasiKindsAtLeast(text: string, threshold: number, options: QuasiOptions = {}): QuasiKind[] {
  let possible = 0;
  for (let i = 0; i < PRESENCE_ORDER.length; i++) {
    if (mayHold(PRESENCE_ORDER[i], text, options)) possible++;
    if (possible + PRESENCE_ORDER.length - 1 - i < threshold) return [];
  }
  const kinds = quasiKinds(findQuasiIdentifiers(text, options));
  return kinds.length >= threshold ? kinds : [];
}
