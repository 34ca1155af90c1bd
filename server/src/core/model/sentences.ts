import { documentState, looseFacts, memoByText, remembering, type TextFacts } from '../memo';
import { partitionPoint } from './spans';
import type { ProseBlock, Sentence } from '../types';
import { matchesOf } from '../text';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'dr', 'mr', 'mrs', 'ms', 'no', 'st', 'vs', 'approx', 'cf', 'para', 'paras', 'ref', 'fig', 'jan',
  'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'prof', 'inc', 'ltd', 'co',
]);

// A terminator, any closing quotes or brackets, then whitespace before a capital, digit or opening quote.
const BOUNDARY = /[.!?]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\d])/gu;

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Split the prose between two offsets into sentences, keeping source offsets. */
export function splitSentences(prose: string, start: number, end: number): SentenceSpan[] {
  const slice = prose.slice(start, end);
  const spans: SentenceSpan[] = [];
  let cursor = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(slice[s])) s++;
    while (e > s && /\s/.test(slice[e - 1])) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(slice.slice(s, e))) spans.push({ start: start + s, end: start + e, text: slice.slice(s, e) });
  };
  for (const match of matchesOf(BOUNDARY, slice)) {
    const at = match.index ?? 0;
    const before = /([\p{L}.]+)$/u.exec(slice.slice(Math.max(cursor, at - 12), at))?.[1]?.toLowerCase() ?? '';
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(before.replace(/\.$/, '')) || /^\p{L}$/u.test(before))) continue;
    const stop = at + match[0].length;
    push(cursor, stop);
    cursor = stop;
  }
  push(cursor, slice.length);
  return spans;
}

/** A block's sentences, offsets into its text, each with facts where its analyses are kept; remembered by the text while a document is edited. */
const sentencesOfBlock = memoByText((text: string): (SentenceSpan & { facts?: TextFacts })[] => {
  const spans = splitSentences(text, 0, text.length);
  return remembering() ? spans.map(({ start, end, text: sentence }) => ({ start, end, text: sentence, facts: looseFacts(sentence) })) : spans;
});

/** What the last lint of a document read: its blocks and their sentences. */
const lastRead = {};

/** Does a block stand where another stood, with the same text, kind and section, so that its sentences are the same? */
function sameBlock(block: ProseBlock, before: ProseBlock): boolean {
  if (block.start !== before.start || block.section !== before.section || block.kind !== before.kind) return false;
  return block.facts !== undefined ? block.facts === before.facts : block.text === before.text;
}

/**
 * The sentences of every block but headings, in document order, with their block and section. An
 * edited document keeps the sentences of the blocks before the first it changed, as the same objects
 * (their roles are given again).
 */
export function readSentences(blocks: readonly ProseBlock[]): Sentence[] {
  const last = documentState(lastRead, () => ({ blocks: [] as readonly ProseBlock[], sentences: [] as Sentence[] }));
  let sentences: Sentence[] = [];
  let from = 0;
  if (last) {
    while (from < blocks.length && from < last.blocks.length && sameBlock(blocks[from], last.blocks[from])) from++;
    const before = last.sentences;
    sentences = before.slice(0, partitionPoint(before.length, (index) => before[index].block < from));
  }
  for (let index = from; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.kind === 'heading') continue;
    for (const { start, end, text, facts } of sentencesOfBlock(block.text, block.facts)) {
      sentences.push({ start: block.start + start, end: block.start + end, text, facts, block: index, section: block.section, role: 'description' });
    }
  }
  if (last) {
    last.blocks = blocks;
    last.sentences = sentences;
  }
  return sentences;
}
