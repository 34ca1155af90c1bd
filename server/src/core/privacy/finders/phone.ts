/** UK phone numbers: +44 / 0044 / trunk 0, then a 9- or 10-digit national number. */

import { digitsOf, type IdentifierMatch } from '../match';

// A number may stand in brackets, "(0114 273 4567)"; "(0114) 273 4567" brackets the area code.
const PHONE =
  /(?<![\w+/.-])(?:\+44 ?(?:\(0\) ?)?|0044 ?|\(0(?=\d{2,4}\))|0)\d(?:[ )-]{0,2}\d){8,9}(?![\w]|[ -]?\d)/g;

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
