/** National Insurance numbers: prefix rules, no checksum (HMRC NIM39110). */

import { contextAround, type IdentifierMatch } from '../match';

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
