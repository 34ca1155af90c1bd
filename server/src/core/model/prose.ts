import type { Root } from 'mdast';
import { partsOf } from '../chunks';
import { factsOf, factsWithin, looseFacts, memoByTextWith, remembering, type TextFacts } from '../memo';
import type { HtmlComment, PartProse } from '../types';
import { type AnyNode, childrenOf, endOf, startOf } from './tree';

/** The text with everything outside the given ranges blanked to spaces, line breaks kept; built in slices, not per character. */
function proseOf(text: string, ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) pieces.push(text.slice(cursor, start).replace(/[^\n\r]/g, ' '));
    if (end > Math.max(start, cursor)) pieces.push(text.slice(Math.max(start, cursor), end));
    cursor = Math.max(cursor, end);
  }
  pieces.push(text.slice(cursor).replace(/[^\n\r]/g, ' '));
  return pieces.join('');
}

interface Prose {
  prose: string;
  comments: HtmlComment[];
}

/**
 * The prose of a document: its text with everything but text nodes blanked (so offsets stay the
 * source's), and its HTML comments. An edited report's tree was assembled from parts: each part's
 * prose is remembered by its text, and only the parts an edit changed are read again.
 */
export function readProse(tree: Root, text: string): Prose & { parts?: PartProse[] } {
  const parts = remembering() ? partsOf(tree) : undefined;
  if (!parts) return proseOfTree(tree, text);
  const pieces: string[] = [];
  const comments: HtmlComment[] = [];
  const partProse: PartProse[] = [];
  for (const part of parts) {
    const own = proseOfPart(part.text, part.tree);
    pieces.push(own.prose);
    partProse.push({ start: part.start, text: part.text, prose: own.prose, facts: own.facts });
    for (const comment of own.comments) comments.push({ ...comment, start: comment.start + part.start, end: comment.end + part.start });
  }
  return { prose: pieces.join(''), comments, parts: partProse };
}

/**
 * The facts of stretches of the prose (blocks, the text between empty lines), asked for in document
 * order: each found through the part it lies in, so an unchanged part's are not cut or looked up
 * again; by its text when it runs across parts. None without a memory.
 */
export function proseFacts(prose: string, parts: readonly PartProse[] | undefined): (start: number, end: number) => TextFacts | undefined {
  if (!remembering()) return () => undefined;
  let part = 0;
  return (start, end) => {
    if (!parts) return factsOf(prose.slice(start, end));
    while (part + 1 < parts.length && parts[part + 1].start <= start) part++;
    const { start: from, prose: own, facts } = parts[part];
    return end <= from + own.length ? factsWithin(facts, start - from, end - from) : factsOf(prose.slice(start, end));
  };
}

/** A part's prose, with facts that hold those of the blocks cut from it while the part is unchanged. */
const proseOfPart = memoByTextWith((text: string, tree: Root) => {
  const own = proseOfTree(tree, text);
  return { ...own, facts: looseFacts(own.prose) };
});

/** Prose and HTML comments found in one iterative walk of the tree. */
function proseOfTree(tree: Root, text: string): Prose {
  const comments: HtmlComment[] = [];
  const textRanges: [number, number][] = [];
  const stack: AnyNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      textRanges.push([startOf(node), endOf(node)]);
    } else if (node.type === 'html') {
      const base = startOf(node);
      for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
        const start = base + (match.index ?? 0);
        comments.push({ start, end: start + match[0].length, body: match[1].trim() });
      }
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  comments.sort((a, b) => a.start - b.start);
  return { prose: proseOf(text, textRanges), comments };
}
