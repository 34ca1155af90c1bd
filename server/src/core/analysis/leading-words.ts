/**
 * The lower-cased literal text a match of a regular expression source must begin with, one per
 * alternative: "consider|give consideration" → ["consider", "give consideration"];
 * "(?:attend|attends) (?:at )?…" → ["attend", "attends"]. Each starts with a letter, digit or "_".
 * An optional group at the start adds its words to those of what follows it. Undefined when the
 * source does not say (a character class or a non-word character at the start). A text that
 * contains none of these cannot match.
 */
export function leadingWords(source: string): string[] | undefined {
  return alternatives(source, 0).words;
}

const META = new Set('\\^$.|?*+()[]{}');
const ZERO_WIDTH = ['(?=', '(?!', '(?<=', '(?<!'];

interface Parsed {
  words: string[] | undefined;
  /** Index of the `|` or `)` that ends what was read, or the length of the source. */
  end: number;
}

function alternatives(source: string, from: number): Parsed {
  const words: string[] = [];
  let known = true;
  for (let i = from; ; ) {
    const branch = sequence(source, i);
    if (branch.words) words.push(...branch.words);
    else known = false;
    if (source[branch.end] !== '|') return { words: known ? words : undefined, end: branch.end };
    i = branch.end + 1;
  }
}

function sequence(source: string, from: number): Parsed {
  let i = from;
  for (;;) {
    const assertion = ZERO_WIDTH.find((open) => source.startsWith(open, i));
    if (assertion) i = afterGroup(source, i);
    else if (source.startsWith('\\b', i)) i += 2;
    else if (source[i] === '^') i += 1;
    else break;
  }
  let words: string[] | undefined;
  if (source[i] === '(') {
    let inner = i + 1;
    if (source.startsWith('?:', inner)) inner += 2;
    else if (source.startsWith('?<', inner)) inner = source.indexOf('>', inner) + 1;
    const group = alternatives(source, inner);
    const quantifier = /^(?:[?*]|\{0,?\d*\})\??/.exec(source.slice(group.end + 1))?.[0];
    if (quantifier === undefined) words = group.words;
    else {
      // "(?:an? )?improvement": a match begins with the optional group or, without it, with what follows.
      const rest = sequence(source, group.end + 1 + quantifier.length);
      return { words: group.words && rest.words ? [...group.words, ...rest.words] : undefined, end: rest.end };
    }
  } else {
    let run = '';
    while (i < source.length) {
      let char = source[i];
      let width = 1;
      if (char === '\\') {
        const next = source[i + 1];
        // \s, \d, \w and the like are classes, not literal text.
        if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
        char = next;
        width = 2;
      } else if (META.has(char)) break;
      const quantifier = source[i + width];
      // A character that may be absent ends the literal text before it.
      if (quantifier === '?' || quantifier === '*' || quantifier === '{') break;
      run += char;
      i += width;
      if (quantifier === '+') break;
    }
    // ASCII only: a case-insensitive pattern matches an ASCII letter only with an ASCII letter.
    const literal = /^[A-Za-z0-9_][\x20-\x7e]*/.exec(run)?.[0];
    words = literal ? [literal.toLowerCase()] : undefined;
  }
  return { words, end: branchEnd(source, i) };
}

/** Index just after the group opening at `from`. */
function afterGroup(source: string, from: number): number {
  let depth = 0;
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = classEnd(source, i);
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** Index of the `]` closing the character class opening at `from`. */
function classEnd(source: string, from: number): number {
  for (let i = from + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** Index of the `|` or `)` that ends the branch containing `from`, outside groups and classes. */
function branchEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = classEnd(source, i);
    else if (char === '(') i = afterGroup(source, i) - 1;
    else if (char === '|' || char === ')') return i;
  }
  return source.length;
}
