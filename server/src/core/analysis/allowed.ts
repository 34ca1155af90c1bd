import type { Vocabulary } from '../types';
import { literalPattern } from './lexicon';

/** How far either side of a word an allowed phrase is looked for. */
const WINDOW = 80;

const compiled = new WeakMap<readonly string[], RegExp | null>();

function allowPattern(allow: readonly string[]): RegExp | null {
  let pattern = compiled.get(allow);
  if (pattern === undefined) {
    const terms = allow.filter((term) => term.trim() !== '');
    // Configured terms are literal text, matched case-insensitively at word edges.
    pattern = terms.length ? new RegExp(`(?<![A-Za-z0-9])(?:${terms.map(literalPattern).join('|')})(?![A-Za-z0-9])`, 'gi') : null;
    compiled.set(allow, pattern);
  }
  return pattern;
}

/** Is the text between two offsets part of a term the configuration allows (`vocabulary.allow`)? */
export function isAllowed(vocabulary: Pick<Vocabulary, 'allow'>, text: string, start: number, end: number): boolean {
  const pattern = allowPattern(vocabulary.allow);
  if (!pattern) return false;
  const from = Math.max(0, start - WINDOW);
  const window = text.slice(from, Math.min(text.length, end + WINDOW));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const matchStart = from + m.index;
    if (matchStart <= start && matchStart + m[0].length >= end) return true;
  }
  return false;
}
