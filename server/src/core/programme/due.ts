import { addDays, addMonths, endOfMonth, isoDay, validDay, type IsoDate } from './dates';

/**
 * What an action's deadline says, read as UK authors write it. A date is only given when the words
 * fix one; words that look like a date but need a guess (no year, a quarter of which year, a day
 * that does not exist) are `unread` with the reason, and anything else ("by the next audit") has none.
 */
export type DueReading = { kind: 'date'; due: IsoDate } | { kind: 'none' } | { kind: 'unread'; reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, twenty: 20, 'twenty-four': 24,
};
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const ORDINAL_QUARTER: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4 };

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** Context a reading may need: the report's own date, for "within 6 months". */
interface Context {
  reportDate: IsoDate | null;
}

interface Form {
  pattern: RegExp;
  read(match: RegExpExecArray, context: Context): DueReading;
}

function day(year: number, month: number, dayOfMonth: number, written: string): DueReading {
  return validDay(year, month, dayOfMonth) ? { kind: 'date', due: isoDay(year, month, dayOfMonth) } : { kind: 'unread', reason: `"${written}" is not a day of the calendar (UK dates are day/month/year)` };
}

/** The UK financial year runs April to March: Q1 ends on 30 June, Q3 on 31 December, Q4 on 31 March of the next year. */
function financialQuarter(quarter: number, startYear: number, endYear: string, written: string): DueReading {
  const end = fullYear(endYear);
  if (end % 100 !== (startYear + 1) % 100) return { kind: 'unread', reason: `"${written}" does not name a financial year (it would run from one year to the next)` };
  const months = [6, 9, 12, 3];
  return { kind: 'date', due: endOfMonth(quarter === 4 ? startYear + 1 : startYear, months[quarter - 1]) };
}

function period(count: string, unit: string, working: string | undefined, written: string, context: Context): DueReading {
  const n = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
  if (working) return { kind: 'unread', reason: `"${written}" depends on which days count as working days` };
  if (!context.reportDate) return { kind: 'unread', reason: `"${written}" counts from the report's date, and the report has none` };
  const [year, month, dayOfMonth] = context.reportDate.split('-').map(Number);
  const months = /^month/i.test(unit) ? n : /^year/i.test(unit) ? 12 * n : undefined;
  if (dayOfMonth === undefined) {
    // A report dated by its month alone: a period of months ends with the month it reaches.
    if (months === undefined || month === undefined) return { kind: 'unread', reason: `"${written}" needs the report's full date, and it gives only ${month === undefined ? 'a year' : 'a month'}` };
    const [toYear, toMonth] = addMonths(isoDay(year, month, 1), months).split('-').map(Number);
    return { kind: 'date', due: endOfMonth(toYear, toMonth) };
  }
  if (months !== undefined) return { kind: 'date', due: addMonths(context.reportDate, months) };
  return { kind: 'date', due: addDays(context.reportDate, /^week/i.test(unit) ? 7 * n : n) };
}

const FORMS: Form[] = [
  // 31 January 2027, 31st of Jan 27
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4}|\\d{2})(?![\\d/])`, 'gi'), read: (m) => day(fullYear(m[3]), monthNumber(m[2]), Number(m[1]), m[0]) },
  // January 31, 2027
  { pattern: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'), read: (m) => day(Number(m[3]), monthNumber(m[1]), Number(m[2]), m[0]) },
  // 2027-01-31
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g, read: (m) => day(Number(m[1]), Number(m[2]), Number(m[3]), m[0]) },
  // 31/01/2027, 31.1.27
  { pattern: /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g, read: (m) => day(fullYear(m[4]), Number(m[3]), Number(m[1]), m[0]) },
  // January 2027, end of March 2026 (the month's last day); start of April 2026 (its first)
  {
    pattern: new RegExp(`\\b(?:(start|beginning|early|mid|middle|end|late)[\\s-]+(?:of\\s+)?)?${MONTH}\\.?,?\\s+(\\d{4})\\b(?!\\s*[/–-]\\s*\\d)`, 'gi'),
    read: (m) => {
      const [year, month] = [Number(m[3]), monthNumber(m[2])];
      const at = m[1]?.toLowerCase();
      if (at === 'start' || at === 'beginning' || at === 'early') return { kind: 'date', due: isoDay(year, month, 1) };
      if (at === 'mid' || at === 'middle') return { kind: 'date', due: isoDay(year, month, 15) };
      return { kind: 'date', due: endOfMonth(year, month) };
    },
  },
  // by March (which year?)
  {
    pattern: new RegExp(`\\b(?:by|before|until|in|during|end of|start of)\\s+(?:the\\s+)?${MONTH}\\b(?!\\.?,?\\s*\\d)`, 'gi'),
    read: (m) => ({ kind: 'unread', reason: `"${m[0]}" has no year` }),
  },
  // Q3 2026/27, quarter 3 of 2026-27, the third quarter of 2026/2027
  {
    pattern: /\b(?:Q([1-4])|quarter\s+([1-4])|(?:the\s+)?(first|second|third|fourth|final|last)\s+quarter)\s*(?:of\s+)?(?:(?:the\s+)?(?:financial\s+year\s+)?)(\d{4})\s*[/–-]\s*(\d{4}|\d{2})\b/gi,
    read: (m) => financialQuarter(Number(m[1] ?? m[2]) || ORDINAL_QUARTER[m[3].toLowerCase()], Number(m[4]), m[5], m[0]),
  },
  // Q3 2026: a calendar quarter or a financial one?
  {
    pattern: /\b(?:Q[1-4]|quarter\s+[1-4]|(?:first|second|third|fourth|final|last)\s+quarter)(?:\s+(?:of\s+)?(\d{4}))?\b(?!\s*[/–-]\s*\d)/gi,
    read: (m) => ({ kind: 'unread', reason: m[1] ? `"${m[0]}" could be a calendar or a financial quarter` : `"${m[0]}" has no year` }),
  },
  // the financial year 2026/27 ends on 31 March 2027
  {
    pattern: /\b(?:(?:end\s+of\s+)?(?:the\s+)?financial\s+year\s+(\d{4})\s*[/–-]\s*(\d{4}|\d{2})|(\d{4})\s*[/–-]\s*(\d{4}|\d{2})\s+financial\s+year)\b/gi,
    read: (m) => {
      const start = Number(m[1] ?? m[3]);
      const end = fullYear(m[2] ?? m[4]);
      return end % 100 === (start + 1) % 100 ? { kind: 'date', due: isoDay(start + 1, 3, 31) } : { kind: 'unread', reason: `"${m[0]}" does not name a financial year` };
    },
  },
  // 2026/27 alone: a financial year or an academic one?
  { pattern: /\b(20\d{2})\s?[/–-]\s?(\d{2})\b(?![/–-]\d)/g, read: (m) => ({ kind: 'unread', reason: `"${m[0]}" could be a financial or an academic year` }) },
  // spring term 2026, summer 2026
  { pattern: /\b(?:spring|summer|autumn|winter)(?:\s+(?:half[- ])?term)?\s+(\d{4})\b/gi, read: (m) => ({ kind: 'unread', reason: `"${m[0]}" is a term or season, not a date` }) },
  // end of 2026, during 2027: the year's last day
  { pattern: /\b(?:(?:by\s+)?(?:the\s+)?end\s+of|in|during|within)\s+(\d{4})\b(?!\s*[/–-]\s*\d)/gi, read: (m) => ({ kind: 'date', due: isoDay(Number(m[1]), 12, 31) }) },
  // by 2027: its start or its end?
  { pattern: /\b(?:by|before)\s+(\d{4})\b(?!\s*[/–-]\s*\d)/gi, read: (m) => ({ kind: 'unread', reason: `"${m[0]}" could mean the start or the end of ${m[1]}` }) },
  // within 6 months, in three months' time, over the next 12 weeks (from the report's date)
  {
    pattern: new RegExp(`\\b(?:within|in|over\\s+the\\s+next|after)\\s+(?:the\\s+next\\s+)?${COUNT}[\\s-]+(working\\s+|calendar\\s+)?(days?|weeks?|months?|years?)\\b(?:['’]s?\\s+time)?`, 'gi'),
    read: (m, context) => period(m[1], m[3], m[2], m[0], context),
  },
];

/** Read the due date in a deadline as written; `reportDate` (a full or partial ISO date) anchors "within 6 months". */
export function readDue(text: string | null, reportDate: IsoDate | null): DueReading {
  if (!text) return { kind: 'none' };
  let best: { index: number; length: number; reading: DueReading } | undefined;
  for (const form of FORMS) {
    form.pattern.lastIndex = 0;
    const match = form.pattern.exec(text);
    if (!match) continue;
    // The earliest date in the words is the deadline; where forms overlap, the longer reading wins.
    if (!best || match.index < best.index || (match.index === best.index && match[0].length > best.length)) {
      best = { index: match.index, length: match[0].length, reading: form.read(match, { reportDate }) };
    }
  }
  return best?.reading ?? { kind: 'none' };
}
