import type { Heading, PhrasingContent, Root, RootContent } from 'mdast';
import { classifyHeading } from './sections';
import { endOf, startOf } from './tree';

export interface PlainHeadings {
  headings: Map<RootContent, Heading>;
  numbers: Map<RootContent, string>;
  title?: string;
}

/** A line standing for a heading: a few words, no closing full stop or comma. */
const MAX_PLAIN_HEADING_WORDS = 12;
const SMALL_WORDS = /^(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with|our|we|is|are|was|were|be|can|do|did|you|your|what|how)$/i;

/** In capitals ("BACKGROUND", "2.0 AUDIT METHODOLOGY") or title case ("What Needs to Happen?"). */
function capitalised(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (letters === letters.toUpperCase()) return true;
  // Words that start with a digit ("5-step", "7-minute") have no capital to give.
  const words = text.split(/\s+/).filter((w) => /^[^\p{L}\p{N}]*\p{L}/u.test(w) && !SMALL_WORDS.test(w.replace(/[^\p{L}]/gu, '')));
  return words.length > 0 && words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
}

/** The words of a top-level block that could be a heading written as a plain line, with the inline content to show as one. */
function plainHeadingCandidate(node: RootContent, prose: string): PhrasingContent[] | undefined {
  let content: PhrasingContent[] | undefined;
  if (node.type === 'paragraph') content = node.children;
  // "1. INTRODUCTION" parses as a list of one item.
  else if (node.type === 'list' && node.ordered && node.children.length === 1) {
    const only = node.children[0].children;
    if (only.length === 1 && only[0].type === 'paragraph') content = only[0].children;
  }
  if (!content) return undefined;
  // Most blocks end in a full stop: told from their last character, without cutting their text.
  let last = endOf(node) - 1;
  while (last >= startOf(node) && /\s/.test(prose[last])) last--;
  if (last < startOf(node) || /[.,;]/.test(prose[last])) return undefined;
  const text = prose.slice(startOf(node), endOf(node)).trim();
  if (/[\r\n]/.test(text)) return undefined;
  if (text.split(/\s+/).length > MAX_PLAIN_HEADING_WORDS || !/^[\p{Lu}\d]/u.test(text)) return undefined;
  // A line in sentence case is a heading only when it names a section ("Aim of the audit"), not when it merely contains a section word.
  return capitalised(text) || classifyHeading(text, { byKeyword: false }).length > 0 ? content : undefined;
}

/**
 * Text from a PDF or Word has its headings as plain lines: a short line standing alone, in
 * capitals or title case (or naming a section), followed by text. Of several such lines in a row
 * (a title block, a list of agencies) only the last, the one text follows, is a heading. Only in a
 * document with more such lines than Markdown headings below its title. The first line of the
 * document, when it is such a line, is the document's title.
 */
export function plainHeadings(tree: Root, prose: string): PlainHeadings {
  const headings = new Map<RootContent, Heading>();
  const numbers = new Map<RootContent, string>();
  const nodes = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'html' && n.type !== 'definition');
  const candidates = nodes.map((node) => plainHeadingCandidate(node, prose));
  nodes.forEach((node, i) => {
    const content = candidates[i];
    if (!content || i + 1 >= nodes.length || candidates[i + 1]) return;
    headings.set(node, { type: 'heading', depth: 2, children: content, position: node.position });
    // "1. INTRODUCTION" parsed as a list keeps its number as the list's start.
    if (node.type === 'list' && typeof node.start === 'number') numbers.set(node, String(node.start));
  });
  // A Markdown report with the odd short line keeps its headings; a pasted one given a heading or two keeps its lines.
  const markdownHeadings = tree.children.filter((n) => n.type === 'heading' && n.depth > 1).length;
  if (markdownHeadings >= headings.size) return { headings: new Map(), numbers: new Map() };
  const first = nodes[0];
  const title = first && candidates[0] && nodes[0].type === 'paragraph' ? prose.slice(startOf(first), endOf(first)).trim() : undefined;
  if (first && title && headings.size > 1 && headings.has(first)) headings.get(first)!.depth = 1;
  return { headings, numbers, title };
}

