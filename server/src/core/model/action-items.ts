import type { List, RootContent, Table, TableCell } from 'mdast';
import type { ActionCell, ActionItem, ActionPart, NumberedParagraph, Section } from '../types';
import { isPlanForm } from './roles';
import { hasValueIn } from './spans';
import { endOf, plainText, startOf } from './tree';

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

/**
 * A sentence that introduces actions: "The panel agreed the following recommendations:",
 * "Next steps:", "The partnership will:". The list after it (or the one paragraph after it) holds
 * actions wherever it stands.
 */
const NAMES_ACTIONS = /\b(?:recommend(?:s|ed|ations?)?|actions?(?: agreed| arising| for)?|next steps|we will|agreed (?:to|that))\b/i;
const BARE_MODAL = /\b(?:will|shall|must|should|agreed|commit(?:s|ted)? to)\s*:\s*$/i;
const POINTS_FORWARD = /\bthe following (?:recommendations?|actions?|steps|improvements?)\b/i;

/** The lead-in is the paragraph's last sentence, and its naming words stand just before the colon. */
export function isLeadIn(text: string): boolean {
  // Most paragraphs neither end in a colon nor point forward: told without cutting them into sentences.
  if (!/:\s*$/.test(text) && !/following/i.test(text)) return false;
  const last = text.trim().split(/(?<=[.!?])\s+(?=[A-Z])/).pop() ?? '';
  if (last.length > 200) return false;
  if (POINTS_FORWARD.test(last)) return true;
  if (!/:\s*$/.test(last)) return false;
  // "The partnership will:" stands alone; a long sentence ending in "will:" describes a role's standing duties.
  return NAMES_ACTIONS.test(last.slice(-70)) || (BARE_MODAL.test(last) && last.split(/\s+/).length <= 10);
}

function listActions(node: List, numberStarts: readonly number[], prose: string, section: number): ActionItem[] {
  return node.children.map((item) => {
    const start = startOf(item);
    const end = endOf(item);
    const isNumbered = hasValueIn(numberStarts, start, end);
    return { kind: isNumbered ? 'numbered' : 'listItem', start, end, text: prose.slice(start, end), section, cells: {} };
  });
}

/**
 * "On two contacts the referral was missing; CFCS to capture …": a paragraph that states the
 * finding and then the action written as a plan starts its action at that clause.
 */
function actionClauseStart(prose: string, start: number, end: number): number {
  const text = prose.slice(start, end);
  for (const clause of text.matchAll(/;\s*/g)) {
    const at = (clause.index ?? 0) + clause[0].length;
    if (isPlanForm(text.slice(at))) return start + at;
  }
  return start;
}

/** Actions after a lead-in outside the action plan: the list that follows it, or the one paragraph. */
function ledInActions(nodes: readonly RootContent[], numberStarts: readonly number[], prose: string, section: number): ActionItem[] {
  const actions: ActionItem[] = [];
  nodes.forEach((node, i) => {
    const next = nodes[i + 1];
    if (node.type !== 'paragraph' || !next || !isLeadIn(prose.slice(startOf(node), endOf(node)))) return;
    if (next.type === 'list') actions.push(...listActions(next, numberStarts, prose, section).map((item) => ({ ...item, introduced: true })));
    else if (next.type === 'paragraph') {
      const start = actionClauseStart(prose, startOf(next), endOf(next));
      const end = endOf(next);
      const isNumbered = hasValueIn(numberStarts, start, end);
      actions.push({ kind: isNumbered ? 'numbered' : 'paragraph', start, end, text: prose.slice(start, end), section, cells: {}, introduced: true });
    }
  });
  return actions;
}

/**
 * The actions: each list item, numbered paragraph or table row in a section that holds actions,
 * and the list or paragraph after a lead-in anywhere else.
 */
export function findActions(sections: Section[], preamble: readonly RootContent[], numbered: NumberedParagraph[], prose: string): ActionItem[] {
  // Sorted starts searched by halves: a list of thousands of actions stays linear.
  const numberStarts = numbered.map((n) => n.start).sort((a, b) => a - b);
  const actions: ActionItem[] = ledInActions(preamble, numberStarts, prose, -1);
  for (const section of sections) {
    if (!section.effectiveIds.includes('actions')) {
      actions.push(...ledInActions(section.nodes, numberStarts, prose, section.index));
      continue;
    }
    const hasItems = section.nodes.some((n) => n.type === 'list' || n.type === 'table');
    for (const node of section.nodes) {
      if (node.type === 'list') {
        actions.push(...listActions(node, numberStarts, prose, section.index));
      } else if (node.type === 'table') {
        actions.push(...tableActions(node, prose, section.index));
      } else if (node.type === 'paragraph') {
        const start = startOf(node);
        const end = endOf(node);
        const isNumbered = hasValueIn(numberStarts, start, end);
        if (isNumbered || !hasItems) {
          actions.push({ kind: isNumbered ? 'numbered' : 'paragraph', start, end, text: prose.slice(start, end), section: section.index, cells: {} });
        }
      }
    }
  }
  return actions;
}
