/** Email addresses: scanned outward from each "@", so no pattern can backtrack over long runs. */

import type { IdentifierMatch } from '../match';

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
