import type { DocumentModel, Sentence } from '../types';

interface Span {
  start: number;
  end: number;
}

/** The first index at which `before` turns false, found by halves: it must hold up to some index and not after (the length if it always holds). */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first value in an ascending array that is at least `value` (its length if none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  return partitionPoint(sorted.length, (index) => sorted[index] < value);
}

/** True when some value of an ascending array lies in [from, to). */
export function hasValueIn(sorted: readonly number[], from: number, to: number): boolean {
  const index = lowerBound(sorted, from);
  return index < sorted.length && sorted[index] < to;
}

/**
 * Spans ordered by start, looked up by offset in logarithmic time: the answers are those of a
 * linear search in that order, so lookups over every block of a long report stay linear overall.
 */
export class SpanIndex<T extends Span> {
  private readonly items: T[];
  private readonly starts: number[];
  /** Furthest end among the items up to each index: the backward scan stops once it is passed. */
  private readonly reach: number[];

  constructor(items: readonly T[]) {
    this.items = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.start - b.item.start || a.index - b.index).map((x) => x.item);
    this.starts = this.items.map((item) => item.start);
    this.reach = [];
    let reach = -Infinity;
    for (const item of this.items) this.reach.push((reach = Math.max(reach, item.end)));
  }

  /** The earliest item with start <= offset < end. */
  containing(offset: number): T | undefined {
    return this.earliest(offset, (item) => offset < item.end, (reach) => reach > offset);
  }

  /** The earliest item that covers the whole of [start, end]. */
  covering(start: number, end: number): T | undefined {
    return this.earliest(start, (item) => end <= item.end, (reach) => reach >= end);
  }

  private earliest(offset: number, fits: (item: T) => boolean, reachable: (reach: number) => boolean): T | undefined {
    let found: T | undefined;
    for (let i = lowerBound(this.starts, offset + 1) - 1; i >= 0 && reachable(this.reach[i]); i--) {
      if (fits(this.items[i])) found = this.items[i];
    }
    return found;
  }
}

const sentencesByBlock = new WeakMap<DocumentModel, Sentence[][]>();

/** The sentences of each prose block, by block index; computed once per model. */
export function blockSentences(model: DocumentModel): Sentence[][] {
  let byBlock = sentencesByBlock.get(model);
  if (!byBlock) {
    byBlock = model.blocks.map(() => []);
    for (const sentence of model.sentences) byBlock[sentence.block]?.push(sentence);
    sentencesByBlock.set(model, byBlock);
  }
  return byBlock;
}
