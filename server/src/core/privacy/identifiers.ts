/**
 * Finders and validators for direct personal identifiers in report prose.
 *
 * Input is prose: markup and code already blanked with spaces, the same length as the source, so
 * every offset maps to the source. Every pattern has a bounded length (or is scanned by hand), so a
 * finder runs in time linear in the input.
 */

export type IdentifierKind =
  | 'nhs-number'
  | 'chi-number'
  | 'hc-number'
  | 'nino'
  | 'upn'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'date-of-birth'
  | 'address'
  | 'name';

/** `high`: the format validated and the context agrees. `low`: plausible, or probably organisational. */
export type Confidence = 'high' | 'low';

export interface IdentifierMatch {
  kind: IdentifierKind;
  start: number;
  end: number;
  confidence: Confidence;
}

export interface FindOptions {
  /**
   * The document says names have been changed: first names beside a family role are then read as
   * pseudonyms and not reported, and a title with a surname is reported at low confidence.
   */
  namesChanged?: boolean;
}

/** How far before (and after) a match a context word still counts. */
const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 20;

function contextAround(prose: string, start: number, end: number): string {
  return prose.slice(Math.max(0, start - CONTEXT_BEFORE), Math.min(prose.length, end + CONTEXT_AFTER));
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

// ---------------------------------------------------------------------------------------------
// NHS, CHI and H&C numbers: ten digits, one modulus-11 scheme, told apart by number range.

/** Modulus 11 with weights 10…2 over the first nine digits; a remainder needing check digit 10 is invalid. */
export function isValidMod11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** A DDMMYY prefix that names a real calendar day (two-digit years may be either century). */
function isValidDdmmyy(day: number, month: number, year2: number): boolean {
  return isRealDate(day, month, 2000 + year2) || isRealDate(day, month, 1900 + year2);
}

export function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export type HealthNumberClass = 'nhs' | 'chi' | 'hc' | 'test' | 'unissued';

/** Which register a ten-digit health number belongs to, by its range (NHS number ranges spec). */
export function classifyHealthNumber(digits: string): HealthNumberClass {
  const firstNine = Number(digits.slice(0, 9));
  if (firstNine >= 999_000_000) return 'test';
  if (firstNine >= 10_100_000 && firstNine <= 311_299_999) {
    const [day, month, year] = [0, 2, 4].map((i) => Number(digits.slice(i, i + 2)));
    return isValidDdmmyy(day, month, year) ? 'chi' : 'unissued';
  }
  if (firstNine >= 320_000_001 && firstNine <= 399_999_999) return 'hc';
  const issued =
    (firstNine >= 311_300_000 && firstNine <= 320_000_000) ||
    (firstNine >= 400_000_000 && firstNine <= 499_999_999) ||
    (firstNine >= 600_000_000 && firstNine <= 799_999_999);
  return issued ? 'nhs' : 'unissued';
}

const HEALTH_CONTEXT: Record<'nhs' | 'chi' | 'hc', RegExp> = {
  nhs: /\bnhs\b|national health service|health authority|patient (?:number|no\b)/i,
  chi: /\bchi\b|community health index/i,
  hc: /\bh\s?&\s?c\b|health and care number/i,
};

// Same separator (space, hyphen or none) between the 3-3-4 groups; not inside a longer number or id.
const TEN_DIGITS = /(?<![\w.,/+-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w/-]|[.,]\d)/g;

export function findHealthNumbers(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(TEN_DIGITS)) {
    const digits = m[1] + m[3] + m[4];
    if (!isValidMod11(digits)) continue;
    const range = classifyHealthNumber(digits);
    if (range === 'test') continue;
    const start = m.index;
    const end = start + m[0].length;
    const kind: IdentifierKind = range === 'chi' ? 'chi-number' : range === 'hc' ? 'hc-number' : 'nhs-number';
    const context = contextAround(prose, start, end);
    const inContext = range !== 'unissued' && HEALTH_CONTEXT[range].test(context);
    found.push({ kind, start, end, confidence: inContext ? 'high' : 'low' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// National Insurance numbers: prefix rules, no checksum (HMRC NIM39110).

/** Prefixes never allocated; TN marks a temporary number and is not a person's NINO. */
const NINO_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NINO = /(?<![\w])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2})(?: ?([A-D]))?(?![\w])/g;
const NINO_CONTEXT = /national insurance|\bni (?:number|no\b)|\bnino\b/i;

export function isValidNino(value: string): boolean {
  const compact = value.replace(/\s/g, '');
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]?$/.test(compact)) return false;
  return !NINO_UNALLOCATED.has(compact.slice(0, 2));
}

export function findNinos(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(NINO)) {
    if (NINO_UNALLOCATED.has(m[1])) continue;
    const start = m.index;
    const end = start + m[0].length;
    const confidence = NINO_CONTEXT.test(contextAround(prose, start, end)) || m[5] ? 'high' : 'low';
    found.push({ kind: 'nino', start, end, confidence });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Unique Pupil Numbers: check letter + 12 characters, modulus 23 (DfE UPN guidance).

const UPN_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ0123456789';
const UPN = /(?<![\w])[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z](?![\w])/g;

export function isValidUpn(value: string): boolean {
  if (!/^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(value)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) sum += (i + 1) * UPN_ALPHABET.indexOf(value[i]);
  return UPN_ALPHABET[sum % 23] === value[0];
}

export function findUpns(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(UPN)) {
    if (isValidUpn(m[0])) found.push({ kind: 'upn', start: m.index, end: m.index + 13, confidence: 'high' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Postcodes: position-specific letter sets; upper case only, as postcodes are written.

const POSTCODE =
  /(?<![\w])(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKPSTUW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![\w])/g;

export function isValidPostcode(value: string): boolean {
  POSTCODE.lastIndex = 0;
  const m = POSTCODE.exec(value);
  POSTCODE.lastIndex = 0;
  return m !== null && m.index === 0 && m[0].length === value.length;
}

export function findPostcodes(prose: string): IdentifierMatch[] {
  return [...prose.matchAll(POSTCODE)].map((m) => ({
    kind: 'postcode' as const,
    start: m.index,
    end: m.index + m[0].length,
    confidence: 'low' as const,
  }));
}

// ---------------------------------------------------------------------------------------------
// UK phone numbers: +44 / 0044 / trunk 0, then a 9- or 10-digit national number.

const PHONE =
  /(?<![\w+(/.-])(?:\+44 ?(?:\(0\) ?)?|0044 ?|\(0(?=\d{2,4}\))|0)\d(?:[ )-]{0,2}\d){8,9}(?![\w]|[ -]?\d)/g;

/**
 * Ofcom's numbers for drama: 1,000 numbers after each seven-digit national prefix
 * (Leeds to Manchester 4960, London 7946 0, Tyneside 4980, Northern Ireland 9649 6, Cardiff 2018 0,
 * the fictional 01632 960, mobile 07700 900, freephone 08081 570, premium 0909 879, UK-wide 03069 990).
 */
const DRAMA_PREFIXES = new Set([
  '1134960', '1144960', '1154960', '1164960', '1174960', '1184960', '1214960', '1314960',
  '1414960', '1514960', '1614960', '2079460', '1914980', '2896496', '2920180', '1632960',
  '7700900', '8081570', '9098790', '3069990',
]);

/** The national significant number (no +44, no trunk 0), or undefined when it is not a UK number. */
export function nationalNumber(value: string): string | undefined {
  let digits = digitsOf(value);
  if (/^\s*(?:\+|00)44/.test(value)) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  const valid = digits.length === 10 ? /^[1235789]/.test(digits) : digits.length === 9 && /^[15]/.test(digits);
  return valid ? digits : undefined;
}

export function isDramaNumber(value: string): boolean {
  const national = nationalNumber(value);
  return national !== undefined && national.length === 10 && DRAMA_PREFIXES.has(national.slice(0, 7));
}

/** Phone numbers are written in at most five groups ("+44 (0)20 7450 4000"); "0 1 2 3 …" is a list. */
function looksLikePhoneLayout(value: string): boolean {
  return value.split(/[^\d]+/).filter((group) => group !== '').length <= 5;
}

export function findPhones(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(PHONE)) {
    const national = nationalNumber(m[0]);
    if (national === undefined || isDramaNumber(m[0]) || !looksLikePhoneLayout(m[0])) continue;
    // A mobile number belongs to a person; other numbers in reports are usually services.
    const confidence = national.startsWith('7') ? 'high' : 'low';
    found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, confidence });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Email addresses: scanned outward from each "@", so no pattern can backtrack over long runs.

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOCAL_CHARS = new Set(ALNUM + ".!#$%&'*+/=?^_`{|}~-");
const DOMAIN_CHARS = new Set(ALNUM + '.-');
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
/** Reserved for documentation (RFC 2606): safe in examples and templates. */
const EXAMPLE_DOMAIN = /(?:^|\.)example\.(?:com|org|net)$|\.(?:example|test|invalid)$/i;
/** Mailboxes of a team or service rather than a person. */
const ORGANISATIONAL_LOCAL =
  /^(?:info|enquiries|enquiry|contact|admin|office|team|safeguarding\w*|lscb|scp|mash|hello|help|support|training|reviews?|business\w*|partnership\w*)$/i;

/** An acronym (PSCP@…) or a team word (safeguarding@…) names a service, not a person. */
function isOrganisationalMailbox(local: string): boolean {
  return /^[A-Z]{2,}$/.test(local) || ORGANISATIONAL_LOCAL.test(local);
}

export function findEmails(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  let lastEnd = 0;
  for (let at = prose.indexOf('@'); at !== -1; at = prose.indexOf('@', at + 1)) {
    let start = at;
    while (start > Math.max(lastEnd, at - MAX_LOCAL) && LOCAL_CHARS.has(prose[start - 1])) start--;
    while (start < at && prose[start] === '.') start++;
    let end = at + 1;
    while (end < Math.min(prose.length, at + 1 + MAX_DOMAIN) && DOMAIN_CHARS.has(prose[end])) end++;
    while (end > at + 1 && /[.-]/.test(prose[end - 1])) end--;
    const local = prose.slice(start, at);
    const domain = prose.slice(at + 1, end);
    if (local === '' || local.endsWith('.') || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue;
    if (EXAMPLE_DOMAIN.test(domain)) continue;
    found.push({ kind: 'email', start, end, confidence: isOrganisationalMailbox(local) ? 'low' : 'high' });
    lastEnd = end;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Dates, and dates of birth (a date with DOB context in the same sentence).

export interface DateMatch {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DATE_PATTERNS: { pattern: RegExp; parts(m: RegExpExecArray): [string, string, string] }[] = [
  {
    // Dotted numbers with a one-digit part and a short year (1.2.10) are paragraph ids, not dates.
    pattern: /(?<![\w./-])(?:(\d{1,2})([/-])(\d{1,2})\2|(\d\d)\.(\d\d)\.|(\d{1,2})\.(\d{1,2})\.(?=\d{4}))(\d{4}|\d{2})(?![\w]|[./-]\d)/g,
    parts: (m) => [m[1] ?? m[4] ?? m[6], m[3] ?? m[5] ?? m[7], m[8]],
  },
  {
    pattern: new RegExp(String.raw`(?<![\w])(\d{1,2})(?:st|nd|rd|th)?\s{1,3}${MONTH_NAME}\.?,?\s{1,3}(\d{4})(?![\w])`, 'gi'),
    parts: (m) => [m[1], m[2], m[3]],
  },
  {
    pattern: new RegExp(String.raw`(?<![\w])${MONTH_NAME}\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?![\w])`, 'gi'),
    parts: (m) => [m[2], m[1], m[3]],
  },
  { pattern: /(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w]|[./-]\d)/g, parts: (m) => [m[3], m[2], m[1]] },
];

function monthNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : MONTHS.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

function fullYear(text: string): number {
  if (text.length === 4) return Number(text);
  const year = Number(text);
  return year <= new Date().getUTCFullYear() % 100 ? 2000 + year : 1900 + year;
}

/** Calendar dates with a day, month and year that exist, in any common UK form. */
export function findDates(prose: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { pattern, parts } of DATE_PATTERNS) {
    for (const m of prose.matchAll(pattern)) {
      const [dayText, monthText, yearText] = parts(m as RegExpExecArray);
      const day = Number(dayText);
      const month = monthNumber(monthText);
      const year = fullYear(yearText);
      if (year < 1900 || !isRealDate(day, month, year)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, day, month, year });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const DOB_CONTEXT = /\b(?:d\.?o\.?b\b\.?|date of birth|born(?: on| in)?|birthday)/gi;
const SENTENCE_BREAK = /[.!?]\s+[A-Z]|\n\s*\n/;

function hasDobContext(prose: string, date: DateMatch): boolean {
  const windowStart = Math.max(0, date.start - CONTEXT_BEFORE);
  const before = prose.slice(windowStart, date.start);
  for (const m of before.matchAll(DOB_CONTEXT)) {
    if (!SENTENCE_BREAK.test(before.slice(m.index + m[0].length))) return true;
  }
  const after = prose.slice(date.end, date.end + CONTEXT_AFTER);
  return /^\s*\(\s*(?:d\.?o\.?b\.?|date of birth)\s*\)/i.test(after);
}

export function findDatesOfBirth(prose: string): IdentifierMatch[] {
  const thisYear = new Date().getUTCFullYear();
  return findDates(prose)
    .filter((date) => date.year <= thisYear && hasDobContext(prose, date))
    .map((date) => ({ kind: 'date-of-birth' as const, start: date.start, end: date.end, confidence: 'high' as const }));
}

// ---------------------------------------------------------------------------------------------
// Street addresses: house number + capitalised street name + street type.

const STREET_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Square|Walk|Mews|Rise|Hill|Parade';
// House numbers look like 12 or 12a; numbered paragraphs (5.11), money and years (a four-digit
// number from 1900) are left out.
const ADDRESS = new RegExp(
  String.raw`(?<![\w.,£$/-])(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,?[ \t]{1,3}(?:[A-Z][a-z'’]{1,30}[ \t]{1,3}){1,3}(?:${STREET_TYPES})\b\.?`,
  'g',
);
const ADDRESS_CONTEXT = /\b(?:lives?|living|lived|resid\w*|address|moved|home) (?:at|in|to|is|was)?/i;
/** Words that read as a name in a street but, after a number, usually count something else. */
const NOT_STREET_NAMES = new Set(['Children', 'Child', 'Cases', 'Case', 'Family', 'Families', 'Agencies', 'Minute', 'Step', 'Year', 'Years', 'Month', 'Months', 'Weeks', 'Days', 'Key', 'The', 'Of', 'And', 'In']);

export function findAddresses(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(ADDRESS)) {
    const words = m[0].match(/[A-Z][a-z'’]+/g) ?? [];
    if (words.slice(0, -1).some((word) => NOT_STREET_NAMES.has(word))) continue;
    const start = m.index;
    const end = start + m[0].length - (m[0].endsWith('.') ? 1 : 0);
    const nearPostcode = findPostcodes(prose.slice(end, end + 60)).length > 0;
    const before = prose.slice(Math.max(0, start - 30), start);
    const inContext = ADDRESS_CONTEXT.test(before) || /\bat[ \t]+$/.test(before);
    found.push({ kind: 'address', start, end, confidence: nearPostcode || inContext ? 'high' : 'low' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Names: a title with a surname, or a first name beside a family role.

const KIN_WORDS = [
  'mother', 'father', 'mum', 'mom', 'dad', 'step-mother', 'stepmother', 'step-father', 'stepfather',
  'stepmum', 'stepdad', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'grandad', 'granddad',
  'nan', 'nana', 'nanna', 'aunt', 'auntie', 'aunty', 'uncle', 'sister', 'brother', 'half-sister',
  'half-brother', 'stepsister', 'stepbrother', 'cousin', 'partner', 'boyfriend', 'girlfriend',
  'husband', 'wife', 'son', 'daughter', 'niece', 'nephew',
];
/** Family roles, lower case or capitalised; the name beside them must stay case-sensitive. */
const KIN = KIN_WORDS.map((word) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`).join('|');
/** A capitalised word, with a double-barrelled or O'Brien-style second part. */
const NAME_WORD = String.raw`[A-Z][a-z]{0,30}(?:[-'’][A-Z][a-z]{1,30})?(?![a-z])`;

/** Capitalised words that follow a title or a family role without being a name. */
const NOT_NAMES = new Set(
  (
    'The A An And Or But Of In On At To For With From By As Is Was Were Be Been Has Had Have Do Did Not No ' +
    'This That These Those Then There Their They He She His Her Him It Its We Our You Your Who Which When Where Why How What ' +
    'All Any Each Every Some Both Also Only Very More Most Many Much Such Other Another Same ' +
    'Child Children Baby Babies Young Person People Family Families Parent Parents Carer Carers Sibling Siblings ' +
    'Mother Father Mum Dad Sister Brother Partner Partners Grandmother Grandfather Aunt Uncle Son Daughter ' +
    'Social Care Services Service Health Police School Schools Education Court Courts Team Agency Agencies Board ' +
    'Partnership Council Office Unit Centre Hospital Practice Panel Group Meeting Plan Plans Review Case Cases ' +
    'Out Appointments Appointment Opportunities Opportunity Sessions Visits Lessons Early Key Signs Help Support ' +
    'Voice Views Wishes Feelings Matters Christmas Nature Day Time Right Contact Worker Workers Staff Manager Lead ' +
    'Said Says Told Reported Needs Needed Wants Wanted Felt Feels Was Left Moved Lives Lived ' +
    'Referrer Adult Adults Victim Perpetrator Caller Professional Professionals'
  ).split(' '),
);
/** Organisations named like a person. */
const ORGANISATION_NAMES = new Set(['Barnardo', 'Barnardos', 'Foster']);

const TITLED_NAME = new RegExp(
  String.raw`(?<![\w])(Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]{1,3}(${NAME_WORD})(?:[ \t]{1,3}(${NAME_WORD}))?`,
  'dg',
);
const KIN_THEN_NAME = new RegExp(String.raw`(?<![\w])(?:${KIN}),?[ \t]{1,3}(${NAME_WORD})(?![\w'’])`, 'dg');
const NAME_THEN_KIN = new RegExp(String.raw`(?<![\w])(${NAME_WORD})['’]s[ \t]{1,3}(?:${KIN})\b`, 'dg');
const NAME_THEN_ROLE = new RegExp(
  String.raw`(?<![\w])(${NAME_WORD})[ \t]{1,3}\((?:${KIN}|aged?[ \t]{1,3}\d{1,2}(?:[ \t]{1,3}(?:years?|months?))?)\)`,
  'dg',
);

/** A capitalised word of two letters or more that is not a common word; single letters are pseudonyms. */
function isPersonalName(word: string): boolean {
  return word.length >= 2 && !NOT_NAMES.has(word) && !ORGANISATION_NAMES.has(word);
}

/** Offsets of a capture group (the regexes above carry the `d` flag). */
function groupSpan(m: RegExpMatchArray, group: number): [number, number] {
  const span = m.indices?.[group];
  if (span === undefined) throw new Error(`group ${group} did not take part in the match`);
  return span;
}

function findTitledNames(prose: string, namesChanged: boolean): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const m of prose.matchAll(TITLED_NAME)) {
    const [title, surname, second] = [m[1], m[2], m[3]];
    // "Mr Justice X" is a judge named in a published judgment, not a family member or practitioner.
    if (surname === 'Justice' || !isPersonalName(surname)) continue;
    // In a Title Case heading ("Children Who Miss School") "Miss" is a verb, not a title.
    if (title === 'Miss' && /[A-Z][a-z]+[ \t]+$/.test(prose.slice(Math.max(0, m.index - 30), m.index))) continue;
    const last = second !== undefined && isPersonalName(second) ? 3 : 2;
    found.push({ kind: 'name', start: m.index, end: groupSpan(m, last)[1], confidence: namesChanged ? 'low' : 'high' });
  }
  return found;
}

function findRoleNames(prose: string): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const pattern of [KIN_THEN_NAME, NAME_THEN_KIN, NAME_THEN_ROLE]) {
    for (const m of prose.matchAll(pattern)) {
      if (!isPersonalName(m[1])) continue;
      const [start, end] = groupSpan(m, 1);
      found.push({ kind: 'name', start, end, confidence: 'low' });
    }
  }
  return found;
}

const NAMES_CHANGED =
  /\b(?:names?|details?|identities)\b[\w ,]{0,40}?\b(?:have|has|had) been (?:changed|altered|anonymi[sz]ed|replaced|withheld)|\bpseudonyms? (?:are|is|have been|has been) used|\b(?:anonymi[sz]ed|fictional|fictitious|changed) names\b/i;

/** Whether the document states that names have been changed or pseudonyms used. */
export function hasNamesChangedStatement(prose: string): boolean {
  return NAMES_CHANGED.test(prose);
}

export function findNames(prose: string, options: FindOptions = {}): IdentifierMatch[] {
  const namesChanged = options.namesChanged ?? false;
  const titled = findTitledNames(prose, namesChanged);
  return namesChanged ? titled : [...titled, ...findRoleNames(prose)];
}

// ---------------------------------------------------------------------------------------------

/** When two matches overlap, the longer wins; on equal length, the earlier kind in this list. */
const PRIORITY: IdentifierKind[] = [
  'email', 'upn', 'nhs-number', 'chi-number', 'hc-number', 'nino', 'phone', 'date-of-birth', 'address', 'postcode', 'name',
];

function removeOverlaps(matches: IdentifierMatch[]): IdentifierMatch[] {
  const ranked = [...matches].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  const kept: IdentifierMatch[] = [];
  for (const match of ranked) {
    if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Every direct identifier in the prose, without overlaps, in document order. */
export function findIdentifiers(prose: string, options: FindOptions = {}): IdentifierMatch[] {
  const namesChanged = options.namesChanged ?? hasNamesChangedStatement(prose);
  return removeOverlaps([
    ...findHealthNumbers(prose),
    ...findNinos(prose),
    ...findUpns(prose),
    ...findPostcodes(prose),
    ...findPhones(prose),
    ...findEmails(prose),
    ...findDatesOfBirth(prose),
    ...findAddresses(prose),
    ...findNames(prose, { namesChanged }),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Masking: what a message may show of an identifier. Never the whole value.

/** Characters of a number-like identifier left visible at its end, enough to find it again. */
const VISIBLE_TAIL = 3;

function maskAllButTail(value: string, tail: number): string {
  const total = (value.match(/[A-Za-z0-9]/g) ?? []).length;
  const keep = Math.min(tail, Math.max(0, total - 7));
  let seen = 0;
  return value.replace(/[A-Za-z0-9]/g, (char) => (++seen > total - keep ? char : '•'));
}

const MASK_LABELS: Partial<Record<IdentifierKind, string>> = {
  email: '[email address]',
  'date-of-birth': '[date of birth]',
  address: '[street address]',
  postcode: '[postcode]',
};

/**
 * A form of the identifier safe to put in messages, logs and CI output: numbers keep their
 * layout and at most their last three characters; names keep a title and an initial.
 */
export function mask(kind: IdentifierKind, value: string): string {
  const label = MASK_LABELS[kind];
  if (label !== undefined) return label;
  if (kind === 'name') {
    const title = /^(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/.exec(value);
    const name = title ? value.slice(title[0].length) : value;
    const initial = /[A-Za-z]/.exec(name)?.[0] ?? '';
    return `${title ? `${title[1]} ` : ''}${initial}•••`;
  }
  return maskAllButTail(value.trim(), VISIBLE_TAIL);
}
