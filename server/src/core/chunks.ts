import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './parse';

/**
 * A long report is parsed heading by heading. The parser copies its whole event list at every
 * line that ends a list or quotation, so one parse of a 5 MB report is quadratic; a run of short
 * parses is linear, and an editor can keep the trees of the parts that did not change.
 *
 * A line starting with "#" at the margin is a top-level heading wherever the parser is not inside
 * fenced code, an HTML block or the front matter: it closes every list, quotation, paragraph and
 * table. Each part is parsed on its own; where one ends inside fenced code or an HTML block (or the
 * next does not start with its heading) the two are parsed together instead, as one document would be.
 *
 * A long section (a year of findings under one heading) is cut again between paragraphs: after a
 * blank line that closes a top-level paragraph, before a line at the margin that opens another.
 * Nothing is open there, so each side parses alone as it does in the whole. The cuts are taken a
 * few kilobytes apart, each counted from the one before, so an edit moves none of the cuts after it.
 */

/** Where the front matter ends: 0 without any, undefined when its opening fence never closes. */
function frontMatterEnd(text: string): number | undefined {
  if (!/^---[ \t]*(?:\r?\n|\r)/.test(text)) return 0;
  const close = /(?:\r?\n|\r)---[ \t]*(?:\r?\n|\r|$)/.exec(text.slice(3));
  return close ? 3 + close.index + close[0].length : undefined;
}

/** Offsets at which a line opens with an ATX heading ("#" to "######", then a space, tab or line end). */
export function headingStarts(text: string): number[] {
  const starts = [0];
  // Inside front matter a "#" line is a YAML comment: no cut before the closing fence.
  const from = frontMatterEnd(text) ?? text.length;
  const heading = /(?:^|\r\n|\n|\r)(?=#{1,6}(?:[ \t\r\n]|$))/g;
  // Start just before `from`, so that a heading on the line right after the front matter is found.
  heading.lastIndex = Math.max(0, from - 2);
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    const at = m.index + m[0].length;
    if (at > starts[starts.length - 1] && at >= from) starts.push(at);
    if (m[0].length === 0) heading.lastIndex++;
  }
  return starts;
}

/** Where a part may be cut: a boundary before a heading, or between two top-level paragraphs. */
interface Cut {
  at: number;
  kind: 'heading' | 'paragraph';
}

/** Fewest characters between two paragraph cuts: parts of a few kilobytes parse fast and are few enough to keep. */
export const PARAGRAPH_PART = 8 * 1024;

/** A blank line, then a line that starts at the margin with a letter or digit (a numbered paragraph). */
const PARAGRAPH_BREAK = /(?:\r\n|\n|\r(?!\n))[ \t]*(?:\r\n|\n|\r(?!\n))(?=[\p{L}\p{N}])/gu;

/** Heading cuts, with paragraph cuts at least `spacing` apart inside the long stretches between them. */
export function partCuts(text: string, spacing = PARAGRAPH_PART): Cut[] {
  const headings = headingStarts(text);
  const cuts: Cut[] = [];
  for (let h = 0; h < headings.length; h++) {
    const start = headings[h];
    const end = headings[h + 1] ?? text.length;
    cuts.push({ at: start, kind: 'heading' });
    let last = start;
    if (end - start < 2 * spacing) continue;
    PARAGRAPH_BREAK.lastIndex = start + spacing;
    for (let m = PARAGRAPH_BREAK.exec(text); m && m.index + m[0].length < end; m = PARAGRAPH_BREAK.exec(text)) {
      const at = m.index + m[0].length;
      if (at - last < spacing) continue;
      if (end - at < spacing) break;
      cuts.push({ at, kind: 'paragraph' });
      last = at;
      PARAGRAPH_BREAK.lastIndex = at + spacing;
    }
  }
  return cuts;
}

/** Link reference and footnote definitions apply across the whole document: such a document is parsed whole. */
const DEFINITION = /\]:/;

/** Copies a tree with every position moved by whole lines and characters; iterative, trees can be deep. */
function shiftedCopy<T extends Nodes>(root: T, lines: number, offset: number): T {
  const copy = (node: Nodes): Nodes => {
    const out = { ...node } as Nodes;
    if (node.position) {
      const { start, end } = node.position;
      out.position = {
        start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
        end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
      };
    }
    return out;
  };
  const top = copy(root);
  const stack: Nodes[] = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('children' in node) {
      const children = (node.children as Nodes[]).map(copy);
      (node as { children: Nodes[] }).children = children;
      for (const child of children) stack.push(child);
    }
  }
  return top as T;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether the part's last block could still take in the next line: unclosed fenced code, or HTML not ended by a blank line. */
function leftOpen(tree: Root, text: string): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position) return false;
  const start = last.position.start.offset ?? 0;
  const end = last.position.end.offset ?? 0;
  // A part ends where a line starts: the lines between the block's last line and that one are its tail.
  if (last.type === 'html') return !text.slice(end).split(/\r\n|\n|\r/).slice(1, -1).some((line) => /^[ \t]*$/.test(line));
  if (last.type !== 'code') return false;
  const source = text.slice(start, end);
  const opening = FENCE.exec(source);
  if (!opening) return false;
  const lines = source.split(/\r?\n|\r/);
  const closing = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
  return !closing || closing[1][0] !== opening[1][0] || closing[1].length < opening[1].length;
}

const startsWith = (tree: Root, type: 'heading' | 'paragraph'): boolean =>
  tree.children[0]?.type === type && tree.children[0].position?.start.offset === 0;

/** Whether a part may end where the next begins: the next opens with what the cut expects, and nothing runs across. */
function joins(tree: Root, text: string, cut: Cut, next: Root): boolean {
  if (cut.kind === 'heading') return !leftOpen(tree, text) && startsWith(next, 'heading');
  return tree.children[tree.children.length - 1]?.type === 'paragraph' && startsWith(next, 'paragraph');
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lines++;
  }
  return lines;
}

/** Parsed parts of a document by their text, kept between parses of its successive versions. */
export class ParseCache {
  private trees = new Map<string, Root>();
  private used = new Map<string, Root>();
  /** Each part's tree as last placed in the document: a part that has not moved is not copied again. */
  private placed = new Map<string, Placed>();
  private placedNow = new Map<string, Placed>();

  /** `parse` reads one part: the linter's Markdown, or another reading of the same text (the export's, with footnotes). */
  constructor(private readonly parse: (text: string) => Root = parseMarkdown) {}

  get(text: string): Root {
    let tree = this.used.get(text) ?? this.trees.get(text);
    if (!tree) tree = this.parse(text);
    this.used.set(text, tree);
    return tree;
  }

  /** The part's tree with positions from the given line and offset on. */
  at(text: string, line: number, offset: number): Root {
    const tree = this.get(text);
    if (offset === 0) return tree;
    const last = this.placedNow.get(text) ?? this.placed.get(text);
    // Trees are shared by every place their text occurs and by later versions: moved by copying.
    const moved = last && last.line === line && last.offset === offset && last.source === tree ? last.tree : shiftedCopy(tree, line, offset);
    this.placedNow.set(text, { source: tree, line, offset, tree: moved });
    return moved;
  }

  private readonly breaks = new WeakMap<Root, number>();

  /** Line breaks in a part, counted once per parsed part. */
  lineBreaks(text: string): number {
    const tree = this.get(text);
    let count = this.breaks.get(tree);
    if (count === undefined) this.breaks.set(tree, (count = countLines(text, 0, text.length)));
    return count;
  }

  /** Forget the parts the last document did not use. */
  settle(): void {
    this.trees = this.used;
    this.used = new Map();
    this.placed = this.placedNow;
    this.placedNow = new Map();
  }
}

interface Placed {
  source: Root;
  line: number;
  offset: number;
  tree: Root;
}

export interface PartOptions {
  /** Fewest characters between paragraph cuts (tests make it small). */
  paragraphPart?: number;
  /** Reads one part (default: the linter's Markdown parse). */
  parsePart?: (text: string) => Root;
}

/**
 * The document's tree, as one parse of the whole text would give it, parsed part by part. With a
 * cache, unchanged parts are not parsed again.
 */
export function parseDocument(text: string, cache?: ParseCache, options: PartOptions = {}): Root {
  // Below this size one parse is faster than several, and has no time to grow quadratic.
  const parsePart = options.parsePart ?? parseMarkdown;
  if (!cache && text.length < 64 * 1024) return parsePart(text);
  // A front-matter fence that never closes changes how the parser reads later lines (a quotation or
  // list no longer interrupts a paragraph), so such a document is parsed whole too.
  const whole = DEFINITION.test(text) || frontMatterEnd(text) === undefined;
  const cuts = whole ? [{ at: 0, kind: 'heading' as const }] : partCuts(text, options.paragraphPart);
  const parts = cache ?? new ParseCache(parsePart);
  const startOf = (i: number) => (i < cuts.length ? cuts[i].at : text.length);
  // Each part's text is sliced once and that string used for every lookup: a string's hash is worked out once per string.
  const slices = new Map<string, string>();
  const slice = (from: number, to: number): string => {
    const key = `${from}:${to}`;
    let part = slices.get(key);
    if (part === undefined) slices.set(key, (part = text.slice(from, to)));
    return part;
  };
  const children: RootContent[] = [];
  const placed: PlacedPart[] = [];
  let line = 0;
  for (let i = 0; i < cuts.length; ) {
    // A part that ends open takes in the next parts, doubling each time, so a fence never closed stays linear.
    let span = 1;
    for (;;) {
      const end = startOf(i + span);
      const part = slice(startOf(i), end);
      const tree = parts.get(part);
      if (i + span >= cuts.length) break;
      if (joins(tree, part, cuts[i + span], parts.get(slice(end, startOf(i + span + 1))))) break;
      span = Math.min(span * 2, cuts.length - i);
    }
    const start = startOf(i);
    const part = slice(start, startOf(i + span));
    placed.push({ text: part, start, tree: parts.get(part) });
    for (const child of parts.at(part, line, start).children) children.push(child);
    line += parts.lineBreaks(part);
    i += span;
  }
  parts.settle();
  const root: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, line) } };
  assembled.set(root, placed);
  return root;
}

/** A part of a document parsed on its own: its text, where it starts, and its tree (positions from the part's start). */
export interface PlacedPart {
  text: string;
  start: number;
  tree: Root;
}

const assembled = new WeakMap<Root, readonly PlacedPart[]>();

/** The parts a document's tree was assembled from, in order; none for a tree parsed whole. */
export function partsOf(root: Root): readonly PlacedPart[] | undefined {
  return assembled.get(root);
}

/** Line, column and offset of the end of a text, as the parser gives the end of its root, from its line breaks counted part by part. */
function endPoint(text: string, lineBreaks: number): { line: number; column: number; offset: number } {
  let lastLineStart = text.length;
  while (lastLineStart > 0 && text.charCodeAt(lastLineStart - 1) !== 10 && text.charCodeAt(lastLineStart - 1) !== 13) lastLineStart--;
  return { line: lineBreaks + 1, column: text.length - lastLineStart + 1, offset: text.length };
}
