/** Converts offsets to 1-based line/column pairs and back; columns count UTF-16 code units. */
export class LineIndex {
  private readonly lineStarts: number[];

  /** `lineStarts`, when given, are those the text has (as another thread worked them out). */
  constructor(readonly text: string, lineStarts?: number[]) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    this.lineStarts = hasLoneCarriageReturn(text) ? lineStartsByCharacter(text) : lineStartsAfterLineFeeds(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1 };
  }

  /** Offset of a 1-based line and column, clamped to the line. */
  offset(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[index] + Math.max(0, column - 1), this.lineEnd(index + 1));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))];
  }

  /** Offset just before the line break of a 1-based line. */
  lineEnd(line: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    let end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] : this.text.length;
    while (end > this.lineStarts[index] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }

  /** The line break style used first in the text. */
  get eol(): string {
    const match = /\r\n|\n|\r/.exec(this.text);
    return match ? match[0] : '\n';
  }
}

/** Most texts end lines with LF or CRLF: their lines start after each LF, found by the native search. */
function lineStartsAfterLineFeeds(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) return true;
  return false;
}

function lineStartsByCharacter(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** Replace a span of a character array with spaces, keeping line breaks so offsets and lines stay put. */
export function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
}

/** Lower-case, strip leading numbering, punctuation and emoji, collapse spaces. */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^\s*(?:section\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]?\s+/, '')
    .replace(/[^\p{L}\p{N}'/&:\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}

/**
 * Every match of a global pattern, in order, as String#matchAll gives them. matchAll clones the
 * pattern on each call and the clone starts without the compiled code, which makes it several
 * times slower on the many short texts (sentences, cells) rules scan.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0] === '') {
      const code = text.codePointAt(pattern.lastIndex);
      pattern.lastIndex += pattern.unicode && code !== undefined && code > 0xffff ? 2 : 1;
    }
  }
  pattern.lastIndex = 0;
  return found;
}

const NON_ASCII = /[^\x00-\x7f]/g;

/** Size of a string in UTF-8 bytes, without encoding it: the pattern skips the ASCII runs, most of a report. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  NON_ASCII.lastIndex = 0;
  for (let match = NON_ASCII.exec(text); match; match = NON_ASCII.exec(text)) {
    const at = match.index;
    const code = text.charCodeAt(at);
    if (code < 0x800) bytes += 1;
    // A surrogate pair is 2 units and 4 bytes; a lone surrogate is written as U+FFFD, 3 bytes.
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      NON_ASCII.lastIndex = at + 2;
    } else bytes += 2;
  }
  return bytes;
}
