import legalData from '../data/legal-terms.json';
import { blockWords, HAS_APOSTROPHE, lowerCaseOf, STARTS_CAPITAL, type ProseWord } from '../model/words';

/**
 * Words that are not the author's to change: a statutory term ("significant harm", "best
 * interests", "looked after children") is the law's wording, and a name ("the Learning and
 * Improvement Sub-group", "Multi-Agency Safeguarding Hub") is the body's. Rules that judge wording
 * skip what lies inside these spans.
 */
export interface ProtectedSpan {
  start: number;
  end: number;
  kind: 'name' | 'legal';
}

export interface LegalTerm {
  term: string;
  /** Other inflections or word orders of the term; a plain plural of the last word is added for every form. */
  forms?: string[];
  /** The Act, section or guidance the term comes from. */
  source: string;
  reason: string;
}

export const LEGAL_TERMS: readonly LegalTerm[] = legalData.terms;

/** Nouns that end or head the name of a body, a meeting, a document or a programme. */
const NAME_HEADS = new Set([
  'group', 'groups', 'board', 'boards', 'sub-group', 'subgroup', 'sub-groups', 'subgroups', 'sub-committee', 'subcommittee',
  'partnership', 'partnerships', 'service', 'services', 'team', 'teams', 'panel', 'panels', 'forum', 'forums', 'hub', 'hubs',
  'trust', 'trusts', 'committee', 'committees', 'council', 'councils', 'unit', 'units', 'network', 'networks', 'programme',
  'programmes', 'project', 'review', 'reviews', 'framework', 'toolkit', 'strategy', 'protocol', 'policy', 'procedures',
  'pathway', 'conference', 'authority', 'department', 'directorate', 'agency', 'centre', 'commission', 'commissioner',
  'foundation', 'office', 'academy', 'college', 'school', 'hospital', 'act', 'regulations', 'guidance',
]);

/** Does the word end or head the name of a body ("Board", "sub-group", "Team")? */
export const isNameHead = (word: string): boolean => NAME_HEADS.has(word.toLowerCase());

/** Small words inside a name: "Learning and Improvement Sub-group", "Review of Child Protection". */
const JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'with']);

/** Capitalised only because they start a sentence or a heading: "The Partnership Board", "Each Team". */
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'its', 'his', 'her', 'each', 'every', 'all', 'any', 'some',
  'then', 'when', 'where', 'while', 'after', 'before', 'in', 'at', 'on', 'by', 'for', 'from', 'with', 'as', 'and', 'but', 'if',
  'both', 'further', 'following', 'no', 'not', 'one', 'two', 'three', 'how', 'what', 'why', 'which', 'who', 'there', 'it', 'we',
]);

const POSSESSIVE = /['’]s?$/;
const YEAR = /^(?:19|20)\d{2}$/;

interface Compound {
  start: number;
  end: number;
  lower: string;
  capital: boolean;
  /** Only spaces since the previous compound; `joiner` when the gap is " & ". */
  joined: boolean | 'ampersand';
}

interface Part {
  start: number;
  end: number;
  lower: string;
  /** Joined to the previous part by spaces or a hyphen. */
  joined: boolean;
}

function plural(word: string): string {
  if (word === 'child') return 'children';
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(word)) return word;
  return `${word}s`;
}

const splitParts = (phrase: string): string[] => phrase.toLowerCase().split(/[\s\-\u2011]+/).filter(Boolean);

/** Legal forms by their first word, longest first, so the longest form at a word wins. */
const LEGAL_BY_FIRST = (() => {
  const byFirst = new Map<string, string[][]>();
  const seen = new Set<string>();
  for (const entry of LEGAL_TERMS) {
    for (const form of [entry.term, ...(entry.forms ?? [])]) {
      const parts = splitParts(form);
      const inflected = [...parts.slice(0, -1), plural(parts[parts.length - 1])];
      for (const words of [parts, inflected]) {
        const key = words.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const list = byFirst.get(words[0]) ?? [];
        list.push(words);
        byFirst.set(words[0], list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/** How two words are joined: by spaces with one line break at most, by " & ", or not at all. */
function gapBetween(text: string, from: number, to: number): Compound['joined'] {
  if (from < 0) return false;
  let lineBreaks = 0;
  let ampersands = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lineBreaks++;
    else if (code === 38) ampersands++;
    else if (code !== 32 && code !== 9 && code !== 13) return false;
  }
  if (ampersands > 0) return ampersands === 1 && lineBreaks === 0 ? 'ampersand' : false;
  return lineBreaks <= 1;
}

/** The block's words ("Multi-Agency", "children's") as compounds, each with how it is joined to the one before. */
function compoundsOf(text: string, words: readonly ProseWord[]): Compound[] {
  return words.map((word, index) => {
    let lower = lowerCaseOf(word);
    if (word.shape & HAS_APOSTROPHE) lower = lower.replace(POSSESSIVE, '');
    if (lower.includes('\u2011')) lower = lower.replace(/\u2011/g, '-');
    const joined = gapBetween(text, index > 0 ? words[index - 1].end : -1, word.start);
    return { start: word.start, end: word.end, lower, capital: (word.shape & STARTS_CAPITAL) !== 0, joined };
  });
}

function partsOf(compounds: readonly Compound[]): Part[] {
  const parts: Part[] = [];
  for (const compound of compounds) {
    if (!compound.lower.includes('-')) {
      parts.push({ start: compound.start, end: compound.end, lower: compound.lower, joined: compound.joined === true });
      continue;
    }
    let offset = compound.start;
    compound.lower.split('-').forEach((piece, index) => {
      parts.push({ start: offset, end: offset + piece.length, lower: piece.replace(POSSESSIVE, ''), joined: index > 0 || compound.joined === true });
      offset += piece.length + 1;
    });
  }
  return parts;
}

function legalSpans(parts: readonly Part[]): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  for (let i = 0; i < parts.length; i++) {
    const candidates = LEGAL_BY_FIRST.get(parts[i].lower);
    if (!candidates) continue;
    for (const words of candidates) {
      const last = i + words.length - 1;
      if (last >= parts.length) continue;
      let same = true;
      for (let k = 1; k < words.length && same; k++) same = parts[i + k].joined && parts[i + k].lower === words[k];
      if (!same) continue;
      // Forms overlap ("were not brought", "not brought to appointments"): the union is one term.
      const previous = spans[spans.length - 1];
      if (previous && previous.end >= parts[i].start) previous.end = Math.max(previous.end, parts[last].end);
      else spans.push({ start: parts[i].start, end: parts[last].end, kind: 'legal' });
      break;
    }
  }
  return spans;
}

const isHead = (compound: Compound): boolean =>
  NAME_HEADS.has(compound.lower) || NAME_HEADS.has(compound.lower.slice(compound.lower.lastIndexOf('-') + 1));

/** Capitalised runs (small joining words allowed inside) that hold a head noun and two capitalised words or more. */
function nameSpans(compounds: readonly Compound[]): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  for (let i = 0; i < compounds.length; i++) {
    if (!compounds[i].capital) continue;
    let first = i;
    while (NOT_NAME_WORDS.has(compounds[first].lower) && compounds[first + 1]?.joined && compounds[first + 1].capital) first++;
    if (NOT_NAME_WORDS.has(compounds[first].lower)) continue;
    let last = first;
    let j = first + 1;
    while (j < compounds.length && compounds[j].joined) {
      if (compounds[j].capital) last = j++;
      else if (JOINERS.has(compounds[j].lower) && compounds[j + 1]?.joined === true && compounds[j + 1].capital) j++;
      else break;
    }
    i = Math.max(i, last);
    // The name ends at its last head noun, or goes on with what it is of or for: "Review of Child Protection", not "Group in May".
    let end = last;
    while (end >= first && !isHead(compounds[end])) end--;
    if (end < first) continue;
    if (end < last && (compounds[end + 1].lower === 'of' || compounds[end + 1].lower === 'for')) end = last;
    // "Children Act 1989": an Act keeps its year.
    if (compounds[end].lower === 'act' && compounds[end + 1]?.joined === true && YEAR.test(compounds[end + 1].lower)) end++;
    let capitals = 0;
    for (let k = first; k <= end; k++) if (compounds[k].capital) capitals++;
    if (capitals >= 2) spans.push({ start: compounds[first].start, end: compounds[end].end, kind: 'name' });
  }
  return spans;
}

/**
 * Statutory terms and names in a prose string, in order, read from its words (the model's, when it
 * has read them): terms are looked up by their first word, names told by a capitalised run with a
 * head noun. A span inside another is left out; "the Looked After Children Team" is one name.
 */
export function protectedSpans(text: string, words: readonly ProseWord[] = blockWords(text)): ProtectedSpan[] {
  const compounds = compoundsOf(text, words);
  const all = [...nameSpans(compounds), ...legalSpans(partsOf(compounds))].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: ProtectedSpan[] = [];
  for (const span of all) {
    const previous = kept[kept.length - 1];
    if (previous && span.end <= previous.end) continue;
    kept.push(span);
  }
  return kept;
}

/** Is the range [start, end) inside one of the spans (sorted, as protectedSpans returns them)? */
export function insideSpan(spans: readonly ProtectedSpan[], start: number, end: number): ProtectedSpan | undefined {
  let [low, high] = [0, spans.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start <= start) low = middle + 1;
    else high = middle;
  }
  for (let k = low - 1; k >= 0 && k >= low - 2; k--) if (spans[k].start <= start && end <= spans[k].end) return spans[k];
  return undefined;
}
