/**
 * Direct personal identifiers in report prose: every finder in finders/, overlaps settled, and
 * what a message may show of each.
 */
import { findAddresses } from './finders/address';
import { findDatesOfBirth } from './finders/date-of-birth';
import { findEmails } from './finders/email';
import { findHealthNumbers } from './finders/health-number';
import { findNames, hasNamesChangedStatement } from './finders/name';
import { findNinos } from './finders/nino';
import { findPhones } from './finders/phone';
import { findPostcodes } from './finders/postcode';
import { findUpns } from './finders/upn';
import { kept, memoByText } from '../memo';
import { proseToSearch } from '../model/stretches';
import type { DocumentModel } from '../types';
import type { FindOptions, IdentifierKind, IdentifierMatch } from './match';

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

const foundIn = new WeakMap<DocumentModel, IdentifierMatch[]>();
const namesChangedIn = memoByText(hasNamesChangedStatement);
const identifiersIn = {
  namesChanged: memoByText((text) => kept(findIdentifiers(text, { namesChanged: true }))),
  namesKept: memoByText((text) => kept(findIdentifiers(text, { namesChanged: false }))),
};

/**
 * A document's identifiers, found once per lint: anonymisation reports them, and the other rules
 * leave their pieces alone (a postcode's "LS6" is not an acronym). No identifier spans an empty
 * line, so they are found stretch by stretch, and an edited report's unchanged stretches are not searched again.
 */
export function identifiersOf(model: DocumentModel): IdentifierMatch[] {
  let found = foundIn.get(model);
  if (found) return found;
  const stretches = proseToSearch(model);
  const find = stretches.some((stretch) => namesChangedIn(stretch.text, stretch.facts)) ? identifiersIn.namesChanged : identifiersIn.namesKept;
  found = [];
  for (const { start, text, facts } of stretches) {
    for (const match of find(text, facts)) found.push({ ...match, start: start + match.start, end: start + match.end });
  }
  foundIn.set(model, found);
  return found;
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
