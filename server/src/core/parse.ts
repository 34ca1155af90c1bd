import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import type { Processor } from 'unified';


/**
 * GFM tables only: the rest of GFM (autolink literals above all) costs parse time and no rule needs it.
 */
function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).freeze();

/**
 * Deepest container nesting (block quotes and list items) the parser is shown. Real reports nest
 * a few levels; the parser's time grows with depth times lines, so thousands of levels would hang.
 */
export const MAX_NESTING = 32;

const SPACE = 32;
const TAB = 9;

/**
 * Length of the container marker ("> ", "- ", "12. ") at `i`, or 0. Only the character set
 * matters here, not full CommonMark: a false positive merely blanks text that deep.
 */
function markerLength(text: string, i: number): number {
  const c = text[i];
  if (c === '>') return 1;
  let j = i;
  if (c === '-' || c === '*' || c === '+') j = i + 1;
  else {
    while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || (text[j] !== '.' && text[j] !== ')')) return 0;
    j++;
  }
  const next = text.charCodeAt(j);
  return next === SPACE || next === TAB ? j - i : 0;
}

/**
 * Blank, with spaces, the container markers of any line nested deeper than MAX_NESTING (counting
 * each marker and every two columns of leading indentation as a level). Same length, so offsets hold.
 */
export function limitNesting(text: string): string {
  let chars: string[] | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let depth = 0;
    let columns = 0;
    let i = lineStart;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code === SPACE || code === TAB) {
        // Indentation before the first marker nests under the lines above it.
        if (depth === 0) columns += code === TAB ? 4 - (columns % 4) : 1;
        i++;
        continue;
      }
      const length = i < text.length ? markerLength(text, i) : 0;
      if (length === 0) break;
      depth++;
      if (depth + (columns >> 1) > MAX_NESTING) {
        chars ??= text.split('');
        for (let k = i; k < i + length; k++) chars[k] = ' ';
      }
      i += length;
    }
    let next = i;
    while (next < text.length && text[next] !== '\n' && text[next] !== '\r') next++;
    lineStart = next + (text[next] === '\r' && text[next + 1] === '\n' ? 2 : 1);
  }
  return chars ? chars.join('') : text;
}

/**
 * The parser drops a leading byte-order mark and counts offsets from after it. The engine removes
 * the document's own mark; one more (a file saved twice with a mark) is shown as a space so
 * offsets still match the text.
 */
function withoutLeadingMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

export function parseMarkdown(text: string): Root {
  return processor.parse(limitNesting(withoutLeadingMark(text)));
}
