import { isoDay, validDay, type IsoDate } from './dates';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const monthNumber = (name: string) => MONTH_NAMES.findIndex((m) => m.startsWith(name.slice(0, 3).toLowerCase())) + 1;

/** Ways a report's date is written, most precise first; each gives a full or partial ISO date, or null when it is no date. */
const WRITTEN: { pattern: RegExp; read(m: RegExpExecArray): IsoDate | null }[] = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => full(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i'), read: (m) => full(Number(m[3]), monthNumber(m[2]), Number(m[1])) },
  { pattern: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/, read: (m) => full(Number(m[3]), Number(m[2]), Number(m[1])) },
  { pattern: /^(\d{4})-(\d{2})$/, read: (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null) },
  { pattern: new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i'), read: (m) => `${m[2]}-${String(monthNumber(m[1])).padStart(2, '0')}` },
  // A year alone, but not a financial or academic year ("2020-21"), which spans two.
  { pattern: /(?<![\d/–-])((?:19|20)\d{2})(?!\s*[/–-]\s*\d)(?![\d])/, read: (m) => m[1] },
];

function full(year: number, month: number, day: number): IsoDate | null {
  return validDay(year, month, day) ? isoDay(year, month, day) : null;
}

/** The date written in a piece of text (a front matter value, a title), as precisely as it is written. */
export function readWrittenDate(text: string): IsoDate | null {
  for (const { pattern, read } of WRITTEN) {
    const match = pattern.exec(text.trim());
    if (match) return read(match);
  }
  return null;
}

/** A front matter `date:` as YAML gives it: a string, or a Date for an unquoted timestamp. */
export function frontMatterDate(value: unknown): IsoDate | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2199) return String(value);
  return typeof value === 'string' ? readWrittenDate(value) : null;
}
