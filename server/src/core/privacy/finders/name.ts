/** Names: a title with a surname, a full name set off after a role, or a first name beside a family role. */

import type { FindOptions, IdentifierMatch } from '../match';

const KIN_WORDS = [
  'mother', 'father', 'mum', 'mom', 'dad', 'step-mother', 'stepmother', 'step-father', 'stepfather',
  'stepmum', 'stepdad', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'grandad', 'granddad',
  'nan', 'nana', 'nanna', 'aunt', 'auntie', 'aunty', 'uncle', 'sister', 'brother', 'half-sister',
  'half-brother', 'stepsister', 'stepbrother', 'cousin', 'partner', 'boyfriend', 'girlfriend',
  'husband', 'wife', 'son', 'daughter', 'niece', 'nephew',
];
/** Family roles, lower case or capitalised; the name beside them must stay case-sensitive. */
const KIN = KIN_WORDS.map((word) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`).join('|');
/** Nouns that end a practitioner's role ("family support worker", "health visitor", "Designated Safeguarding Lead"). */
const ROLE_HEAD_WORDS = [
  'worker', 'keyworker', 'caseworker', 'visitor', 'officer', 'nurse', 'midwife', 'teacher', 'headteacher',
  'manager', 'lead', 'practitioner', 'professional', 'therapist', 'coordinator', 'co-ordinator', 'advocate',
  'consultant', 'doctor', 'paediatrician', 'psychologist', 'psychiatrist', 'clinician', 'mentor', 'counsellor',
  'assistant', 'constable', 'sergeant', 'detective', 'chair', 'director', 'carer', 'volunteer', 'GP',
];
const ROLE_HEAD = ROLE_HEAD_WORDS.map((word) => (/^[a-z]/.test(word) ? `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}` : word)).join('|');

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
    'Referrer Adult Adults Victim Perpetrator Caller Professional Professionals ' +
    'Community Healthcare Trust Foundation Hospitals University College Academy Primary Secondary Nursery ' +
    'Clinic Surgery County City Borough Safeguarding Local Authority Children’s Youth Justice Housing'
  ).split(' '),
);
/** Organisations named like a person. */
const ORGANISATION_NAMES = new Set(['Barnardo', 'Barnardos', 'Foster']);

const TITLED_NAME = new RegExp(
  String.raw`(?<![\w])(Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]{1,3}(${NAME_WORD})(?:[ \t]{1,3}(${NAME_WORD}))?`,
  'dg',
);
const KIN_THEN_NAME = new RegExp(String.raw`(?<![\w])(?:${KIN}),?[ \t]{1,3}(${NAME_WORD})(?![\w'’])`, 'dg');
/**
 * A first name and a surname set off by a comma after a role: "the family's support worker, Jane
 * Hollis, said …", "her mother, Sarah Jones, …". The name must end where the aside ends.
 */
const ROLE_THEN_FULL_NAME = new RegExp(
  // One space between the words of a name: wider gaps are table cells, whose bars prose blanks out.
  String.raw`(?<![\w])(?:${ROLE_HEAD}|${KIN})(?:,[ \t]{1,3}| )(${NAME_WORD}) (${NAME_WORD})` +
    String.raw`(?=[ \t]*[,;:)]|[ \t]*\.(?:\s|$)|[ \t]+(?:said|says|told|explained|reported|recorded|wrote|noted|visited|saw|was|is|had|has|who|and)\b)`,
  'dg',
);
/**
 * … or before it: "Jane Hollis, the family's support worker, …", "Jane Hollis (support worker)".
 * Not after a preposition, where two capitalised words are usually a place ("in North Yorkshire, the …").
 */
const FULL_NAME_THEN_ROLE = new RegExp(
  String.raw`(?<![\w])(?<!\b(?:[Ii]n|[Aa]t|[Ff]rom|[Aa]cross|[Tt]o|[Oo]f|[Ff]or|[Nn]ear|[Aa]round|[Ww]ithin|[Ww]ith|[Bb]y)[ \t]{1,3})(${NAME_WORD}) (${NAME_WORD})` +
    String.raw`(?:,[ \t]{1,3}| \()(?:(?:the|a|an|her|his|their|our)[ \t]{1,3})?(?:[\w'’-]{1,20}[ \t]{1,3}){0,3}(?:${ROLE_HEAD}|${KIN})\b`,
  'dg',
);
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

/** Full names beside a role are a person's whether or not names were changed; once they were, they may be pseudonyms. */
function findFullNamesAfterRoles(prose: string, namesChanged: boolean): IdentifierMatch[] {
  const found: IdentifierMatch[] = [];
  for (const pattern of [ROLE_THEN_FULL_NAME, FULL_NAME_THEN_ROLE]) {
    for (const m of prose.matchAll(pattern)) {
      if (!isPersonalName(m[1]) || !isPersonalName(m[2])) continue;
      found.push({ kind: 'name', start: groupSpan(m, 1)[0], end: groupSpan(m, 2)[1], confidence: namesChanged ? 'low' : 'high' });
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
  const sure = [...findTitledNames(prose, namesChanged), ...findFullNamesAfterRoles(prose, namesChanged)];
  return namesChanged ? sure : [...sure, ...findRoleNames(prose)];
}
