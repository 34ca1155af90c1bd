import type { UnchangedEnds } from './editLog';

/** Stretches compared at once: comparing equal strings is far quicker than comparing characters. */
const CHUNK = 4096;

/**
 * How long a start and an end (not overlapping) two versions of a string share. `known` are lengths
 * already known to be shared (from the edits between them): only the rest is compared, and the
 * result is the same as without them.
 */
export function commonEnds(earlier: string, text: string, known: UnchangedEnds = { head: 0, tail: 0 }): UnchangedEnds {
  const limit = Math.min(earlier.length, text.length);
  let head = Math.min(known.head, limit);
  while (head + CHUNK <= limit && earlier.slice(head, head + CHUNK) === text.slice(head, head + CHUNK)) head += CHUNK;
  while (head < limit && earlier.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = Math.min(known.tail, limit - head);
  while (tail + CHUNK <= limit - head && earlier.slice(earlier.length - tail - CHUNK, earlier.length - tail) === text.slice(text.length - tail - CHUNK, text.length - tail)) tail += CHUNK;
  while (tail < limit - head && earlier.charCodeAt(earlier.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { head, tail };
}

/** A new version of a long string, as what replaced the stretch between the start and end it shares with the earlier one. */
export interface StringDelta {
  head: number;
  tail: number;
  middle: string;
}

export function stringDelta(earlier: string, text: string): StringDelta {
  const { head, tail } = commonEnds(earlier, text);
  return { head, tail, middle: text.slice(head, text.length - tail) };
}

export function applyStringDelta(earlier: string, { head, tail, middle }: StringDelta): string {
  return earlier.slice(0, head) + middle + earlier.slice(earlier.length - tail);
}
