import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const isLineBreak = (code: number) => code === 13 || code === 10;

/**
 * A document version as it was linted, with the line starts the lint thread already found, so this
 * thread does not scan a large text for them again. Positions and offsets are exactly those of
 * TextDocument (CRLF, CR and LF end a line; a position inside a line break is placed before it).
 */
export class LintedText implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    /** Offset of each line's start; the first is 0. */
    private readonly lineStarts: ArrayLike<number>,
  ) {}

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.text.length), 0);
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid] > clamped) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(clamped, this.lineStarts[line]) - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStarts[position.line];
    if (position.character <= 0) return lineStart;
    return this.beforeLineBreak(Math.min(lineStart + position.character, this.nextLineStart(position.line)), lineStart);
  }

  getLineRange(line: number): Range {
    if (line >= this.lineStarts.length) {
      const last = this.lineStarts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - this.lineStarts[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lineStarts[line];
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(this.nextLineStart(line), start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line >= this.lineStarts.length || line < 0) return '';
    const next = this.nextLineStart(line);
    return this.text.substring(this.beforeLineBreak(next, this.lineStarts[line]), next);
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
