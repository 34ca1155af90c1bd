/** Dates, and dates of birth (a date with DOB context in the same sentence). */

import { CONTEXT_AFTER, CONTEXT_BEFORE, type IdentifierMatch } from '../match';

export function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export interface DateMatch {
  start: number;
  end: number;
  day: number;
  month: number;
  year: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DATE_PATTERNS: { pattern: RegExp; parts(m: RegExpExecArray): [string, string, string] }[] = [
  {
    // Dotted numbers with a one-digit part and a short year (1.2.10) are paragraph ids, not dates.
    pattern: /(?<![\w./-])(?:(\d{1,2})([/-])(\d{1,2})\2|(\d\d)\.(\d\d)\.|(\d{1,2})\.(\d{1,2})\.(?=\d{4}))(\d{4}|\d{2})(?![\w]|[./-]\d)/g,
    parts: (m) => [m[1] ?? m[4] ?? m[6], m[3] ?? m[5] ?? m[7], m[8]],
  },
  {
    pattern: new RegExp(String.raw`(?<![\w])(\d{1,2})(?:st|nd|rd|th)?\s{1,3}${MONTH_NAME}\.?,?\s{1,3}(\d{4})(?![\w])`, 'gi'),
    parts: (m) => [m[1], m[2], m[3]],
  },
  {
    pattern: new RegExp(String.raw`(?<![\w])${MONTH_NAME}\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?![\w])`, 'gi'),
    parts: (m) => [m[2], m[1], m[3]],
  },
  { pattern: /(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w]|[./-]\d)/g, parts: (m) => [m[3], m[2], m[1]] },
];

function monthNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : MONTHS.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}

function fullYear(text: string): number {
  if (text.length === 4) return Number(text);
  const year = Number(text);
  return year <= new Date().getUTCFullYear() % 100 ? 2000 + year : 1900 + year;
}

/** Could the text hold a date? True whenever findDates finds one, without checking that the date exists. */
export function mayHoldDate(prose: string): boolean {
  return DATE_PATTERNS.some(({ pattern }) => {
    pattern.lastIndex = 0;
    const found = pattern.test(prose);
    pattern.lastIndex = 0;
    return found;
  });
}

/** Calendar dates with a day, month and year that exist, in any common UK form. */
export function findDates(prose: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { pattern, parts } of DATE_PATTERNS) {
    for (const m of prose.matchAll(pattern)) {
      const [dayText, monthText, yearText] = parts(m as RegExpExecArray);
      const day = Number(dayText);
      const month = monthNumber(monthText);
      const year = fullYear(yearText);
      if (year < 1900 || !isRealDate(day, month, year)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, day, month, year });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const DOB_CONTEXT = /\b(?:d\.?o\.?b\b\.?|date of birth|born(?: on| in)?|birthday)/gi;
const SENTENCE_BREAK = /[.!?]\s+[A-Z]|\n\s*\n/;

function hasDobContext(prose: string, date: DateMatch): boolean {
  const windowStart = Math.max(0, date.start - CONTEXT_BEFORE);
  const before = prose.slice(windowStart, date.start);
  for (const m of before.matchAll(DOB_CONTEXT)) {
    if (!SENTENCE_BREAK.test(before.slice(m.index + m[0].length))) return true;
  }
  const after = prose.slice(date.end, date.end + CONTEXT_AFTER);
  return /^\s*\(\s*(?:d\.?o\.?b\.?|date of birth)\s*\)/i.test(after);
}

export function findDatesOfBirth(prose: string): IdentifierMatch[] {
  const thisYear = new Date().getUTCFullYear();
  return findDates(prose)
    .filter((date) => date.year <= thisYear && hasDobContext(prose, date))
    .map((date) => ({ kind: 'date-of-birth' as const, start: date.start, end: date.end, confidence: 'high' as const }));
}
