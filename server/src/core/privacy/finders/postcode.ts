/** Postcodes: position-specific letter sets; upper case only, as postcodes are written. */

import type { IdentifierMatch } from '../match';

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
