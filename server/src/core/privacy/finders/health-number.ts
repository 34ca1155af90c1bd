/** NHS, CHI and H&C numbers: ten digits, one modulus-11 scheme, told apart by number range. */

import { contextAround, type IdentifierKind, type IdentifierMatch } from '../match';
import { isRealDate } from './date-of-birth';

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

/** A label right before the number ("NHS number:", "NHS No.", "CHI no", "H&C number") says what it is. */
const LABEL = /\b(nhs|chi|h\s?&\s?c)[ \t]*(?:number|no\b\.?|#)?[ \t]*(?:is|was)?[ \t]*[:=–-]?[ \t]*\(?$/i;
const LABELLED_KIND: Record<string, IdentifierKind> = { nhs: 'nhs-number', chi: 'chi-number', hc: 'hc-number' };

function labelBefore(prose: string, start: number): IdentifierKind | undefined {
  const label = LABEL.exec(prose.slice(Math.max(0, start - 24), start));
  return label ? LABELLED_KIND[label[1].toLowerCase().replace(/[\s&]/g, '')] : undefined;
}

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
    // A labelled number with a valid check digit is what its label says, whatever its range.
    const labelled = labelBefore(prose, start);
    if (labelled) {
      found.push({ kind: labelled, start, end, confidence: 'high' });
      continue;
    }
    const kind: IdentifierKind = range === 'chi' ? 'chi-number' : range === 'hc' ? 'hc-number' : 'nhs-number';
    const context = contextAround(prose, start, end);
    const inContext = range !== 'unissued' && HEALTH_CONTEXT[range].test(context);
    found.push({ kind, start, end, confidence: inContext ? 'high' : 'low' });
  }
  return found;
}
