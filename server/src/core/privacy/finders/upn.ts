/** Unique Pupil Numbers: check letter + 12 characters, modulus 23 (DfE UPN guidance). */

import type { IdentifierMatch } from '../match';

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
