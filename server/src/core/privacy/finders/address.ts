/** Street addresses: house number + capitalised street name + street type. */

import type { IdentifierMatch } from '../match';
import { findPostcodes } from './postcode';

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
