import { hasNamesChangedStatement } from '../privacy/finders/name';
import { findIdentifiers, identifiersOf, mask } from '../privacy/identifiers';
import type { IdentifierKind, IdentifierMatch } from '../privacy/match';
import type { DocumentModel, HiddenPassage, Rule } from '../types';

interface KindText {
  /** What was found, before the masked value. */
  label: string;
  /** Why it matters in a published report and what to write instead. */
  advice: string;
  placeholder: string;
}

const REMOVE = 'Remove it before the report is published.';

const KINDS: Record<IdentifierKind, KindText> = {
  'nhs-number': {
    label: 'NHS number',
    advice: `It identifies a person directly and links to their health record. ${REMOVE}`,
    placeholder: '[NHS number removed]',
  },
  'chi-number': {
    label: 'CHI number',
    advice: `It identifies a person directly and its first six digits are their date of birth. ${REMOVE}`,
    placeholder: '[CHI number removed]',
  },
  'hc-number': {
    label: 'Health and Care number',
    advice: `It identifies a person directly and links to their health record. ${REMOVE}`,
    placeholder: '[H&C number removed]',
  },
  nino: {
    label: 'National Insurance number',
    advice: `It identifies an adult directly and for life. ${REMOVE}`,
    placeholder: '[NI number removed]',
  },
  upn: {
    label: 'Unique Pupil Number',
    advice: `It identifies a child and their school directly. ${REMOVE}`,
    placeholder: '[UPN removed]',
  },
  postcode: {
    label: 'postcode',
    advice: 'A postcode narrows a family down to a few households. Name no place smaller than the partnership area.',
    placeholder: '[postcode removed]',
  },
  phone: {
    label: 'phone number',
    advice: 'A personal number lets readers contact or trace the family or a practitioner. Remove it; a service number belongs in the further information section.',
    placeholder: '[phone number removed]',
  },
  email: {
    label: 'email address',
    advice: 'A personal address names and reaches a person. Remove it; a team mailbox belongs in the further information section.',
    placeholder: '[email address removed]',
  },
  'date-of-birth': {
    label: 'date of birth',
    advice: 'With the area and the theme of the audit it can identify the child. Give an age band instead ("under 5").',
    placeholder: '[date of birth removed]',
  },
  address: {
    label: 'street address',
    advice: 'It leads readers to the family’s home. Describe the area in general terms ("a rural area"), or leave it out.',
    placeholder: '[address removed]',
  },
  name: {
    label: 'name',
    advice: 'Refer to people by role ("the mother", "the GP") or a pseudonym ("Child A"), and say in the report that names have been changed.',
    placeholder: '[name removed]',
  },
};

/** Contact details a report may publish on purpose: in further information, they are usually a service's. */
const SERVICE_CONTACT_KINDS: ReadonlySet<IdentifierKind> = new Set(['email', 'phone', 'postcode', 'address']);

function inResources(model: DocumentModel, offset: number): boolean {
  let section;
  for (const candidate of model.sections) {
    if (candidate.start <= offset) section = candidate;
    else break;
  }
  return section?.effectiveIds.includes('resources') ?? false;
}

function isLowerSeverity(model: DocumentModel, match: IdentifierMatch): boolean {
  return match.confidence === 'low' || (SERVICE_CONTACT_KINDS.has(match.kind) && inResources(model, match.start));
}

function message(match: IdentifierMatch, value: string, lowerSeverity: boolean): string {
  const { label, advice } = KINDS[match.kind];
  const masked = mask(match.kind, value);
  // Kinds masked by a bare label ("[postcode]") gain nothing from repeating it.
  const shown = masked.startsWith('[') ? '' : ` (${masked})`;
  const found = `${lowerSeverity ? 'Possible ' : ''}${label}${shown}`;
  return `${found[0].toUpperCase()}${found.slice(1)} in a report meant for publication. ${advice}`;
}

const HIDDEN_ADVICE =
  'Anyone with the file can read it, though the report does not show it. Remove it before the file is shared ' +
  '(in Word: File › Info › Check for Issues › Inspect Document removes comments, tracked changes and properties).';

/** Words that make an author field an organisation or a role, not a person. */
const NOT_A_PERSON = /\b(partnership|council|board|team|service|services|trust|nhs|safeguarding|department|unit|office|group|admin|administrator|user|author|microsoft|ltd|limited|plc|cic|agency|authority|police|school|college|hospital|practice|children|county|city|borough)\b/i;

/** An author, manager or comment-author field holding a person's name: two to four capitalised words. */
export function looksLikePersonName(value: string): boolean {
  const text = value.trim();
  if (NOT_A_PERSON.test(text)) return false;
  const words = text.replace(/^(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+/, '').split(/\s+|,\s*/).filter(Boolean);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

function hiddenMessage(kind: IdentifierKind, value: string, where: string, lowerSeverity: boolean): string {
  const { label } = KINDS[kind];
  const masked = mask(kind, value);
  const shown = masked.startsWith('[') ? '' : ` (${masked})`;
  const found = `${lowerSeverity ? 'Possible ' : ''}${label}${shown}`;
  return `${found[0].toUpperCase()}${found.slice(1)} ${where}. ${HIDDEN_ADVICE}`;
}

function checkHidden(passages: readonly HiddenPassage[], namesChanged: boolean, report: Parameters<Rule['check']>[0]['report']): void {
  passages.forEach((passage, index) => {
    const data = { where: passage.where, hidden: index };
    if (passage.personField) {
      if (looksLikePersonName(passage.text)) {
        report({ start: passage.start, end: passage.end, message: hiddenMessage('name', passage.text, passage.where, false), data: { kind: 'name', ...data } });
      }
      return;
    }
    for (const match of findIdentifiers(passage.text, { namesChanged })) {
      const value = passage.text.slice(match.start, match.end);
      const lowerSeverity = match.confidence === 'low';
      report({
        start: passage.start,
        end: passage.end,
        message: hiddenMessage(match.kind, value, passage.where, lowerSeverity),
        demote: lowerSeverity,
        data: { kind: match.kind, ...data },
      });
    }
  });
}

export const rule: Rule = {
  meta: {
    id: 'anonymisation',
    description: 'No personal data in a published report: NHS, CHI, H&C, National Insurance and pupil numbers, postcodes, phone numbers, email addresses, dates of birth, street addresses and names.',
    category: 'privacy',
    defaultSeverity: 'error',
    fixable: true,
    rationale:
      'Audit reports are published so that agencies learn, and must never identify a child or family. ' +
      'Numbers are checked (NHS and CHI check digits, NI number prefixes, the pupil number check letter) ' +
      'and reserved ranges are allowed: NHS numbers from 999, Ofcom drama phone numbers, example.com addresses. ' +
      'A number labelled "NHS number", "NHS No.", "CHI number" or "H&C number" with a valid check digit is certain, whatever its range. ' +
      'Names are found after a title ("Mrs Smith"), as a full name set off after a role ("the support worker, Jane Hollis, said"), ' +
      'and as a first name beside a family role. Pseudonyms ("Child A", "Baby B", "Family X") are not names. Once the report says names have been ' +
      'changed, a first name beside a family role is read as a pseudonym, and a title with a surname is a ' +
      'warning rather than an error. Uncertain matches, and service contacts in further information, are ' +
      'one severity lower. A judge in a case citation ("Mr Justice …") and organisations such as ' +
      'Barnardo’s are not names. In a Word document, what anyone with the file can recover is checked ' +
      'too: comments, tracked deletions, the authors of comments and changes, headers and footers, alt ' +
      'text and the document properties. Messages never repeat the identifier in full.',
    bad: 'Child A (NHS number 943 476 5919) lived with her mother, Sarah, at 14 Acacia Avenue.',
    good: 'Child A lived with her mother in a rural part of the county. Names have been changed.',
  },
  check({ model, report }) {
    if (model.hidden) checkHidden(model.hidden, hasNamesChangedStatement(model.prose), report);
    for (const match of identifiersOf(model)) {
      const value = model.text.slice(match.start, match.end);
      const { placeholder } = KINDS[match.kind];
      const lowerSeverity = isLowerSeverity(model, match);
      report({
        start: match.start,
        end: match.end,
        message: message(match, value, lowerSeverity),
        demote: lowerSeverity,
        data: { kind: match.kind },
        fixes: [
          { title: `Replace with ${placeholder}`, edits: [{ start: match.start, end: match.end, text: placeholder }] },
        ],
      });
    }
  },
};
