import type { Heading, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../chunks';
import { memoByText } from '../memo';
import { LineIndex } from '../text';
import type {
  ActionCell, ActionItem, ActionPart, BlockKind, DocumentModel, FrontMatter, HtmlComment,
  LintSettings, NumberedParagraph, ProseBlock, ResolvedProfile, Section,
} from '../types';
import { classifyHeading, idsImpliedByTitle } from './sections';
import { DEFAULT_PROFILE, guessProfileFromTitle } from './profiles';
import { splitSentences } from './sentences';
import { describesMethod, statesAim } from './method-cues';

type AnyNode = Nodes;

function startOf(node: AnyNode): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: AnyNode): number {
  return node.position?.end.offset ?? 0;
}

function childrenOf(node: AnyNode): AnyNode[] {
  return 'children' in node ? (node.children as AnyNode[]) : [];
}

/** Source text of a node's prose (text nodes only), as a plain string. */
function plainText(prose: string, node: AnyNode): string {
  return prose.slice(startOf(node), endOf(node)).replace(/\s+/g, ' ').trim();
}

function readFrontMatter(tree: Root, text: string): FrontMatter | null {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return null;
  const start = startOf(node);
  const end = endOf(node);
  const opening = /\r\n|\r|\n/.exec(text.slice(start, end));
  const bodyStart = opening ? start + opening.index + opening[0].length : 0;
  try {
    // YAML reads a lone CR (old Mac line ends) as part of a line; make it a line end, same length.
    const yaml = node.value.replace(/\r(?!\n)/g, '\n');
    const data: unknown = yaml.trim() === '' ? {} : parseYaml(yaml, { prettyErrors: false });
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { start, end, data: null, error: { message: 'front matter must be a mapping of keys to values', start, end } };
    }
    return { start, end, data: data as Record<string, unknown> };
  } catch (error) {
    // The YAML error's offset is into the block's value, which starts on the line after the opening "---".
    const pos = (error as { pos?: [number, number] }).pos;
    const errorStart = pos && bodyStart > 0 ? Math.min(end, bodyStart + pos[0]) : start;
    const message = String((error as Error).message).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { start, end, data: null, error: { message, start: errorStart, end: Math.min(end, errorStart + 1) } };
  }
}

function resolveProfile(
  frontMatter: FrontMatter | null,
  title: string | undefined,
  settings: LintSettings,
): ResolvedProfile {
  const declared = frontMatter?.data?.profile;
  if (typeof declared === 'string' && settings.profiles[declared]) {
    return { definition: settings.profiles[declared], source: 'front-matter' };
  }
  const guessed = title ? guessProfileFromTitle(title) : undefined;
  if (guessed && settings.profiles[guessed]) return { definition: settings.profiles[guessed], source: 'title' };
  if (settings.defaultProfile && settings.profiles[settings.defaultProfile]) {
    return { definition: settings.profiles[settings.defaultProfile], source: 'config' };
  }
  return { definition: settings.profiles[DEFAULT_PROFILE], source: 'default' };
}

const NUMBER_PREFIX = /^\s*(\d+(?:\.\d+)+)(?=[\s.)]|$)/;
const HEADING_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?(?=\s)/;

function columnPart(header: string): ActionPart | 'action' | undefined {
  const h = header.toLowerCase();
  // "Action / Outcome", "Actions taken", "Response": the column holds the actions themselves.
  if (/\baction|recommendation|\bresponse/.test(h)) return 'action';
  if (/outcome|so that|impact|difference|for the child/.test(h)) return 'outcome';
  if (/owner|lead|who|responsib/.test(h)) return 'owner';
  if (/measure|success|evidence|how (?:will )?(?:we|you) (?:will )?know|target|kpi|indicator/.test(h)) return 'measure';
  if (/due|by when|deadline|date|when|timescale|timeframe/.test(h)) return 'deadline';
  if (/what/.test(h)) return 'action';
  return undefined;
}

/** "a) … b) … c) …": letters in order from a, each before the words it labels. */
const LETTERED = /(?<![\p{L}\d])([a-h])\)\s+/gu;

function letteredPieces(prose: string, start: number, end: number): [number, number][] {
  const text = prose.slice(start, end);
  const labels = [...text.matchAll(LETTERED)].filter((m, i) => m[1] === String.fromCharCode(97 + i));
  if (labels.length < 2 || labels[0].index === undefined || text.slice(0, labels[0].index).trim() !== '') return [[start, end]];
  return labels.map((m, i) => [start + (m.index ?? 0), i + 1 < labels.length ? start + (labels[i + 1].index ?? 0) : end]);
}

/**
 * The separate entries of a table cell: lines broken by <br>, or items lettered a) b) c).
 * Blank entries are dropped.
 */
function cellEntries(cell: TableCell, prose: string): ActionCell[] {
  const pieces: [number, number][] = [];
  let cursor = startOf(cell);
  for (const child of cell.children) {
    if (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value.trim())) {
      pieces.push([cursor, startOf(child)]);
      cursor = endOf(child);
    }
  }
  pieces.push([cursor, endOf(cell)]);
  return pieces
    .flatMap(([start, end]) => letteredPieces(prose, start, end))
    .map(([start, end]) => ({ start, end, text: prose.slice(start, end) }))
    .filter((entry) => entry.text.trim() !== '');
}

/**
 * One action per table row, or one per entry where the action cell holds several (lines broken by
 * <br>, or lettered a) b) c)). The other cells go with each entry; a cell with as many entries
 * gives each action its own.
 */
function tableActions(table: Table, prose: string, section: number): ActionItem[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const parts = header.children.map((cell) => columnPart(plainText(prose, cell)));
  return rows.flatMap((row): ActionItem[] => {
    const cells: ActionItem['cells'] = {};
    const entries: Partial<Record<ActionPart | 'action', ActionCell[]>> = {};
    row.children.forEach((cell, index) => {
      const part = parts[index];
      if (part && !cells[part]) {
        cells[part] = { start: startOf(cell), end: endOf(cell), text: prose.slice(startOf(cell), endOf(cell)) };
        entries[part] = cellEntries(cell, prose);
      }
    });
    const start = startOf(row);
    const end = endOf(row);
    const actions = entries.action ?? [];
    if (actions.length < 2) return [{ kind: 'tableRow', start, end, text: prose.slice(start, end), section, cells }];
    return actions.map((action, i) => {
      const own: ActionItem['cells'] = { action };
      for (const part of ['owner', 'measure', 'deadline', 'outcome'] as const) {
        const split = entries[part];
        own[part] = split && split.length === actions.length ? split[i] : cells[part];
      }
      return { kind: 'tableRow', start: action.start, end: action.end, text: action.text, section, cells: own };
    });
  });
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
  const text = prose.slice(startOf(node), endOf(node)).trim();
  if (!text || /[\r\n]/.test(text) || /[.,;]$/.test(text)) return undefined;
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
function plainHeadings(tree: Root, prose: string): { headings: Map<RootContent, Heading>; numbers: Map<RootContent, string>; title?: string } {
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

/** A block's sentences, offsets into its text; remembered by the text while a document is edited. */
const sentencesOfBlock = memoByText((text: string) => splitSentences(text, 0, text.length));

/** Parse once (or take the tree an editor assembled from cached parts), then derive everything the rules read. */
export function buildModel(text: string, settings: LintSettings, parse: (text: string) => Root = parseDocument): DocumentModel {
  const tree = parse(text);
  const lines = new LineIndex(text);
  const comments: HtmlComment[] = [];
  const textRanges: [number, number][] = [];

  // One iterative walk: find the text nodes that make up the prose and collect comments.
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
  const prose = proseOf(text, textRanges);

  const frontMatter = readFrontMatter(tree, text);

  // Sections: each top-level heading opens one; content runs to the next heading of any depth.
  const plain = plainHeadings(tree, prose);
  const sections: Section[] = [];
  const preamble: RootContent[] = [];
  for (const node of tree.children) {
    const heading = node.type === 'heading' ? node : plain.headings.get(node);
    if (heading) {
      const title = plainText(prose, heading);
      let parent: number | undefined;
      for (let i = sections.length - 1; i >= 0; i--) {
        if (sections[i].depth < heading.depth) {
          parent = i;
          break;
        }
      }
      // The first heading is the report's title, not a section, when it is an H1 above deeper headings.
      const isTitle = sections.length === 0 && heading.depth === 1 && (plain.headings.size > 0 || tree.children.some((n) => n.type === 'heading' && n.depth > 1));
      const ids = isTitle ? [] : classifyHeading(title);
      const inherited = parent !== undefined ? sections[parent].effectiveIds : [];
      sections.push({
        index: sections.length,
        heading,
        depth: heading.depth,
        title,
        number: HEADING_NUMBER.exec(title)?.[1] ?? plain.numbers.get(node),
        plain: heading !== node,
        ids,
        impliedIds: isTitle ? idsImpliedByTitle(title) : [],
        effectiveIds: ids.length > 0 ? ids : inherited,
        parent,
        start: startOf(heading),
        end: endOf(heading),
        headingEnd: endOf(heading),
        subtreeEnd: endOf(heading),
        nodes: [],
      });
    } else if (node.type !== 'yaml') {
      const current = sections[sections.length - 1];
      if (current) {
        current.nodes.push(node);
        current.end = endOf(node);
      } else {
        preamble.push(node);
      }
    }
  }
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    section.subtreeEnd = Math.max(section.subtreeEnd, section.end);
    if (section.parent !== undefined) {
      const parent = sections[section.parent];
      parent.subtreeEnd = Math.max(parent.subtreeEnd, section.subtreeEnd);
    }
  }

  if (!sections.some((s) => s.ids.includes('method'))) {
    const candidate = sections.find((s) => (s.depth === 1 || s.ids.includes('context')) && describesMethod(prose.slice(s.headingEnd, s.end)));
    if (candidate) candidate.impliedIds.push('method');
    // Text before the first heading (an untitled opening, as in text from a PDF) speaks for the report.
    else if (sections.length > 0 && describesMethod(prose.slice(0, sections[0].start))) sections[0].impliedIds.push('method');
  }
  // Likewise an untitled opening that says why the audit was done is the background.
  if (!sections.some((s) => s.ids.includes('context')) && sections.length > 0 && statesAim(prose.slice(0, sections[0].start))) {
    sections[0].impliedIds.push('context');
  }

  const firstH1 = sections.find((s) => s.depth === 1);
  const fmTitle = frontMatter?.data?.title;
  const firstLine = plain.title !== undefined ? tree.children.find((n) => n.type !== 'yaml') : undefined;
  const title = firstH1
    ? { text: firstH1.title, start: firstH1.start, end: firstH1.headingEnd }
    : typeof fmTitle === 'string' && frontMatter
      ? { text: fmTitle, start: frontMatter.start, end: frontMatter.end }
      : firstLine && plain.title
        ? { text: plain.title, start: startOf(firstLine), end: endOf(firstLine) }
        : null;

  const profile = resolveProfile(frontMatter, title?.text, settings);

  // Prose blocks and sentences, with the section each belongs to (-1 = before the first heading).
  const blocks: ProseBlock[] = [];
  const addBlock = (node: AnyNode, kind: BlockKind, section: number, quoted: boolean) => {
    blocks.push({ kind, start: startOf(node), end: endOf(node), section, quoted });
  };
  // Iterative, in document order: block quotes and lists can nest deeper than the call stack.
  const collect = (root: AnyNode, section: number) => {
    const stack: { node: AnyNode; quoted: boolean; inItem: boolean }[] = [{ node: root, quoted: false, inItem: false }];
    while (stack.length > 0) {
      const { node, quoted, inItem } = stack.pop()!;
      switch (node.type) {
        case 'heading':
          addBlock(node, 'heading', section, quoted);
          break;
        case 'paragraph':
          addBlock(node, inItem ? 'listItem' : 'paragraph', section, quoted);
          break;
        case 'tableCell':
          addBlock(node, 'tableCell', section, quoted);
          break;
        case 'blockquote':
        case 'listItem':
        case 'list':
        case 'table':
        case 'tableRow': {
          const children = childrenOf(node);
          const childQuoted = quoted || node.type === 'blockquote';
          const childInItem = inItem || node.type === 'listItem';
          for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], quoted: childQuoted, inItem: childInItem });
          break;
        }
        default:
          break;
      }
    }
  };
  for (const node of preamble) collect(node, -1);
  for (const section of sections) {
    collect(section.heading!, section.index);
    for (const node of section.nodes) collect(node, section.index);
  }

  const sentences = blocks.flatMap((block, index) =>
    block.kind === 'heading'
      ? []
      : sentencesOfBlock(prose.slice(block.start, block.end)).map((s) => ({ start: block.start + s.start, end: block.start + s.end, text: s.text, block: index, section: block.section })),
  );

  const numbered: NumberedParagraph[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') continue;
    const match = NUMBER_PREFIX.exec(prose.slice(block.start, Math.min(block.end, block.start + 40)));
    if (!match) continue;
    const numberStart = block.start + match[0].length - match[1].length;
    numbered.push({
      id: match[1],
      parts: match[1].split('.').map(Number),
      start: numberStart,
      numberEnd: numberStart + match[1].length,
      end: block.end,
      section: block.section,
    });
  }

  // Binary search over the numbered paragraphs' starts: a list of thousands of actions stays linear.
  const numberStarts = numbered.map((n) => n.start).sort((a, b) => a - b);
  const hasNumberIn = (start: number, end: number): boolean => {
    let low = 0;
    let high = numberStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (numberStarts[mid] < start) low = mid + 1;
      else high = mid;
    }
    return low < numberStarts.length && numberStarts[low] < end;
  };

  const actions: ActionItem[] = [];
  for (const section of sections) {
    if (!section.effectiveIds.includes('actions')) continue;
    const hasItems = section.nodes.some((n) => n.type === 'list' || n.type === 'table');
    for (const node of section.nodes) {
      if (node.type === 'list') {
        for (const item of node.children) {
          const start = startOf(item);
          const end = endOf(item);
          const isNumbered = hasNumberIn(start, end);
          actions.push({ kind: isNumbered ? 'numbered' : 'listItem', start, end, text: prose.slice(start, end), section: section.index, cells: {} });
        }
      } else if (node.type === 'table') {
        actions.push(...tableActions(node, prose, section.index));
      } else if (node.type === 'paragraph') {
        const start = startOf(node);
        const end = endOf(node);
        const isNumbered = hasNumberIn(start, end);
        if (isNumbered || !hasItems) {
          actions.push({ kind: isNumbered ? 'numbered' : 'paragraph', start, end, text: prose.slice(start, end), section: section.index, cells: {} });
        }
      }
    }
  }

  return { text, prose, lines, tree, frontMatter, title, profile, sections, blocks, sentences, numbered, actions, comments };
}

/**
 * The model of a document that is not parsed (it is over the size limit): its text and lines,
 * no content, the configured profile. Rules that read it find nothing to report.
 */
export function bareModel(text: string, settings: LintSettings): DocumentModel {
  return {
    text,
    prose: text.replace(/[^\n\r]/g, ' '),
    lines: new LineIndex(text),
    tree: { type: 'root', children: [] },
    frontMatter: null,
    title: null,
    profile: resolveProfile(null, undefined, settings),
    sections: [],
    blocks: [],
    sentences: [],
    numbered: [],
    actions: [],
    comments: [],
  };
}
