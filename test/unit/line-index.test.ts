import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/core/text';

/** Where lines start, one character at a time: after LF, after CRLF, and after a CR that no LF follows. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

const texts = fc.array(fc.constantFrom('a', 'line', '\n', '\r\n', '\r', '\n\r', ''), { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('line index', () => {
  it('starts a line after every LF, CRLF and lone CR, whichever the text mixes', () => {
    fc.assert(fc.property(texts, (text) => {
      const lines = new LineIndex(text);
      const expected = lineStarts(text);
      expect(lines.lineCount).toBe(expected.length);
      expected.forEach((start, index) => expect(lines.lineStart(index + 1)).toBe(start));
    }), { numRuns: 3000 });
  });

  it('converts offsets to lines and columns and back', () => {
    const lines = new LineIndex('one\r\ntwo\rthree\nfour');
    expect(lines.position(5)).toEqual({ line: 2, column: 1 });
    expect(lines.position(9)).toEqual({ line: 3, column: 1 });
    expect(lines.offset(4, 2)).toBe(16);
    expect(lines.lineEnd(1)).toBe(3);
  });
});
