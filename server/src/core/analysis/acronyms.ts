import acronymData from '../data/acronyms.json';

export interface AcronymUse {
  /** As written, without a possessive ending ("CYPFs", "GPs", "s47"). */
  text: string;
  /** Upper-case lookup keys, preferred first: "ICPCs" → ["ICPCS", "ICPC"]. */
  keys: string[];
  start: number;
  end: number;
}

export type DefinitionForm = 'name-acronym' | 'acronym-name' | 'name-bracket' | 'dash' | 'colon';

export interface AcronymDefinition {
  acronym: string;
  keys: string[];
  expansion: string;
  form: DefinitionForm;
  /** The whole definition, name and acronym. */
  start: number;
  end: number;
  /** The acronym inside the definition. */
  acronymStart: number;
  acronymEnd: number;
  /** The initials of the expansion plausibly spell the acronym. */
  plausible: boolean;
}

export interface Deprecation {
  reason: string;
  suggestion: string;
}

export interface GlossaryEntry {
  acronym: string;
  senses: string[];
  ambiguous: boolean;
  note?: string;
  deprecated?: Deprecation;
  wellKnown: boolean;
  /** Where the expansion comes from. */
  origin: 'glossary' | 'vocabulary';
}

interface RawEntry {
  senses: string[];
  ambiguous?: boolean;
  note?: string;
  deprecated?: Deprecation;
}

const GLOSSARY = new Map<string, { acronym: string } & RawEntry>(
  Object.entries(acronymData.glossary as Record<string, RawEntry>).map(([acronym, entry]) => [
    acronym.toUpperCase(),
    { acronym, ...entry },
  ]),
);
const WELL_KNOWN = new Set(acronymData.wellKnown.map((word) => word.toUpperCase()));
const STOP_WORDS = new Set(acronymData.stopWords.map((word) => word.toUpperCase()));
/** Abbreviated titles that open the name of a Crown body ("HM Government", "HMP Leeds"), like "St" before a saint's name. */
const TITLES = new Set(Object.keys(acronymData.titles));

const POSSESSIVE = /['’]s?$/;
/**
 * Letters, digits and "&" that may form an acronym; the edges stop at any other character. Only
 * words that start with a capital or a digit, or a section number ("s47"), can be acronyms or
 * shout, so the others are not collected: a word between two capitalised ones still keeps them
 * apart, since only spaces and hyphens join a shouted run.
 */
const TOKEN = /(?<![A-Za-z0-9&'’])(?:[A-Z0-9]|s(?=\d)|s\.[ \u00a0]?(?=\d\d)|S\.(?=\d\d))[A-Za-z0-9&]*(?:['’]s?)?(?![A-Za-z0-9&])/g;
/** A statute's section: "s47", "S175", "s.157", "s. 11" ("Child S. 12 visits" is a name and a number). */
const SECTION = /^[Ss]\.?[ \u00a0]?\d{1,3}[A-Z]?$/;

/** Lookup keys for a token: upper case, then without a plural "s" ("GPs" → GPS, GP). */
export function acronymKeys(token: string): string[] {
  const bare = token.replace(POSSESSIVE, '');
  if (SECTION.test(bare)) return [bare.replace(/[.\s]/g, '').toUpperCase()];
  const upper = bare.toUpperCase();
  const keys = [upper];
  if (/s$/i.test(bare) && bare.length > 2) keys.push(upper.slice(0, -1));
  // A lower-case plural ending is almost always a plural; look the singular up first.
  return /[A-Z]s$/.test(bare) ? keys.reverse() : keys;
}

/** Do two tokens name the same acronym ("CYPFS" and "CYPFs", "ICPC" and "ICPCs")? */
export function sameAcronym(a: string, b: string): boolean {
  const keys = new Set(acronymKeys(a));
  return acronymKeys(b).some((key) => keys.has(key));
}

/** Does a token look like an acronym rather than a word? */
export function isAcronymToken(token: string): boolean {
  const bare = token.replace(POSSESSIVE, '');
  if (SECTION.test(bare)) return true;
  const core = bare.replace(/(?<=[A-Z])s$/, '');
  if (core.length < 2 || core.length > 7 || !/^[A-Z0-9]/.test(core)) return false;
  const letters = core.replace(/[^A-Za-z]/g, '');
  const capitals = core.replace(/[^A-Z]/g, '').length;
  if (capitals < 2) return false;
  // Mixed case is an acronym only when capitals dominate ("DfE", "SoS"), not "McKay".
  return capitals * 2 > letters.length;
}

/** Is the token a title that opens a name here: "HM" before "Government"? */
export function opensName(token: string, after: string): boolean {
  return TITLES.has(token) && /^[ \u00a0][A-Z][a-z]/.test(after);
}

export const isSection = (token: string): boolean => SECTION.test(token);

/** A named Act just before a section ("Children Act 1989, s.47") or just after it, or after a list of its sections ("S157 and S175 Education Act 2002"). */
const ACT_AFTER = /^(?:,?[ \u00a0]+(?:and|or|&)[ \u00a0]+[Ss]\.?[ \u00a0]?\d{1,3}[A-Z]?|,[ \u00a0]*[Ss]\.?[ \u00a0]?\d{1,3}[A-Z]?)*,?[ \u00a0]+(?:of[ \u00a0]+)?(?:the[ \u00a0]+)?(?:[A-Z][A-Za-z'’()]*[ \u00a0]+){0,6}Act\b/;
const ACT_BEFORE = /\bAct(?:[ \u00a0]+(?:19|20)\d{2})?[ \u00a0]*[,(]?[ \u00a0]*$/;

/** Does the text name the Act a section belongs to, next to the section? */
export function namesItsAct(text: string, start: number, end: number): boolean {
  return ACT_AFTER.test(text.slice(end, end + 80)) || ACT_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/** A word in capitals that is really a word (heading text, "AND", "MAY") or a numeral. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token.replace(POSSESSIVE, '').toUpperCase()) && token === token.toUpperCase();
}

export function isWellKnown(token: string): boolean {
  return acronymKeys(token).some((key) => WELL_KNOWN.has(key));
}

/** Three or more words in capitals in a row are a shouted heading, not acronyms. */
const SHOUTED_RUN = 3;

/**
 * Acronyms used in a prose string, in order. Stop words are skipped, and so are runs of
 * words in capitals ("PLYMOUTH SAFEGUARDING CHILDREN BOARD"). Well-known acronyms are kept:
 * callers decide whether they need a definition.
 */
export function findAcronyms(text: string): AcronymUse[] {
  const tokens: { text: string; start: number; end: number; shouting: boolean }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const bare = raw.replace(POSSESSIVE, '');
    tokens.push({ text: bare, start: m.index, end: m.index + bare.length, shouting: /^[A-Z][A-Z&-]+$/.test(bare) && /[A-Z]{2}/.test(bare) });
  }
  const uses: AcronymUse[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!isAcronymToken(token.text) || isStopWord(token.text)) continue;
    if (token.shouting && inShoutedRun(tokens, i, text)) continue;
    uses.push({ text: token.text, keys: acronymKeys(token.text), start: token.start, end: token.end });
  }
  return uses;
}

function inShoutedRun(tokens: { start: number; end: number; shouting: boolean }[], index: number, text: string): boolean {
  // Words joined only by spaces or hyphens belong to one run; punctuation ends it.
  const joined = (a: number, b: number) => /^[ \t-]+$/.test(text.slice(tokens[a].end, tokens[b].start));
  let first = index;
  while (first > 0 && tokens[first - 1].shouting && joined(first - 1, first) && index - first < SHOUTED_RUN) first--;
  let last = index;
  while (last < tokens.length - 1 && tokens[last + 1].shouting && joined(last, last + 1) && last - index < SHOUTED_RUN) last++;
  return last - first + 1 >= SHOUTED_RUN;
}

// ---------------------------------------------------------------- definitions

const MINOR_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'at', '&', 'a', 'an', 'with', 'or', 'by']);
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10' };
/** How many words before "(ACR)" may belong to the name. */
const MAX_NAME_WORDS = 12;

const words = (phrase: string): string[] =>
  phrase.split(/[\s\-–—/,]+/).map((word) => word.replace(/^[^A-Za-z0-9&]+|[^A-Za-z0-9&]+$/g, '')).filter(Boolean);

/**
 * Can the acronym be spelt from the words? Each significant word gives its initial and may give
 * further letters ("Adolescent" → A, "Ofsted"-style); minor words may give nothing; one word or
 * one letter may be left over, because real names drift ("Families' (CYPFS)").
 */
export function initialsMatch(name: string, acronym: string, slack = 1): boolean {
  const letters = acronym.replace(POSSESSIVE, '').replace(/(?<=[A-Z])s$/, '').toLowerCase().replace(/[^a-z0-9&]/g, '');
  const list = words(name).map((word) => NUMBER_WORDS[word.toLowerCase()] ?? word.toLowerCase());
  if (!letters || list.length === 0) return false;
  const memo = new Map<string, boolean>();
  const match = (w: number, l: number, slack: number): boolean => {
    if (l === letters.length) return list.slice(w).every((word) => MINOR_WORDS.has(word)) || (slack > 0 && w === list.length - 1);
    if (w === list.length) return slack > 0 && l === letters.length - 1;
    const key = `${w}:${l}:${slack}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const word = list[w];
    let ok = false;
    if (word[0] === letters[l] || word === letters[l]) {
      // Take the initial, then optionally more letters of the same word in order.
      let i = 1;
      let next = l + 1;
      ok = match(w + 1, next, slack);
      while (!ok && i < word.length && next < letters.length) {
        const at = word.indexOf(letters[next], i);
        if (at < 0) break;
        i = at + 1;
        next++;
        ok = match(w + 1, next, slack);
      }
    }
    if (!ok && MINOR_WORDS.has(word)) ok = match(w + 1, l, slack);
    if (!ok && slack > 0) ok = match(w + 1, l, slack - 1) || match(w, l + 1, slack - 1);
    memo.set(key, ok);
    return ok;
  };
  return match(0, 0, slack);
}

/**
 * The name in front of "(ACR)": the longest run of words whose initials spell the acronym
 * exactly, else the shortest run that spells it with one letter or word to spare.
 */
function nameBefore(text: string, end: number, acronym: string): { start: number; expansion: string; plausible: boolean } {
  // The name cannot cross a sentence or clause end.
  const stretch = text.slice(Math.max(0, end - 160), end);
  const cut = Math.max(stretch.lastIndexOf('. '), stretch.lastIndexOf(';'), stretch.lastIndexOf(':'), stretch.lastIndexOf('('), stretch.lastIndexOf('\n'));
  const region = stretch.slice(cut + 1);
  const offset = end - region.length;
  const letters = acronym.replace(/[^A-Za-z0-9]/g, '').length;
  const starts = [...region.matchAll(/[A-Za-z0-9&][^\s]*/g)]
    .map((m) => m.index)
    .slice(-MAX_NAME_WORDS)
    .filter((start) => {
      const list = words(region.slice(start));
      return list.length > 0 && list.length <= letters + 4 && !MINOR_WORDS.has(list[0].toLowerCase());
    });
  const candidate = (start: number) => ({ start: offset + start, expansion: region.slice(start).trim().replace(/[,\s]+$/, '') });
  const exact = starts.find((start) => initialsMatch(region.slice(start), acronym, 0));
  if (exact !== undefined) return { ...candidate(exact), plausible: true };
  const loose = [...starts].reverse().find((start) => initialsMatch(region.slice(start), acronym, 1));
  if (loose !== undefined) return { ...candidate(loose), plausible: true };
  // Not a plausible name: report the words the acronym would cover, flagged as implausible.
  const fallback = starts.length ? starts[Math.max(0, starts.length - letters)] : region.length;
  return { ...candidate(fallback), plausible: false };
}

/** "(ACR)", "[ACR]", and two acronyms named together: "North and West Community Rehabilitation Company (NW CRC)". */
const BRACKETED = /([(\[])\s*([A-Za-z0-9&]{2,9}(?:['’]s)?(?:[ \u00a0][A-Za-z0-9&]{2,9}(?:['’]s)?)?)\s*([)\]])/g;
/** "North and West" for NW and "Community Rehabilitation Company" for CRC, where the initials split the name so. */
function splitName(name: string, first: string, second: string): string[] {
  const list = name.split(/\s+/);
  for (let k = 1; k < list.length; k++) {
    const [head, tail] = [list.slice(0, k).join(' '), list.slice(k).join(' ')];
    if (initialsMatch(head, first, 0) && initialsMatch(tail, second, 0)) return [head, tail];
  }
  return [name, name];
}

const ACRONYM_THEN_NAME = /(?<![A-Za-z0-9&])([A-Za-z0-9&]{2,9})\s*\(\s*([^()\n]{3,120}?)\s*\)/g;
const GLOSSARY_LINE = /^[ \t]*(?:[-*+•][ \t]+|\d+[.)][ \t]+)?([A-Za-z0-9&]{2,9})[ \t]*(?:([–—-])|(:))[ \t]+([^\n]{3,160})$/gm;

/** Acronym definitions in the forms "Full Name (ACR)", "ACR (Full Name)", "Full Name [ACR]", "ACR – Full Name", "ACR: Full Name". */
export function findDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  BRACKETED.lastIndex = 0;
  for (let m = BRACKETED.exec(text); m; m = BRACKETED.exec(text)) {
    const [, open, written, close] = m;
    const parts = written.split(/[ \u00a0]/);
    if ((open === '(') !== (close === ')') || !parts.every(isAcronymToken)) continue;
    const name = nameBefore(text, m.index, parts.join(''));
    if (!name.expansion) continue;
    const form = open === '(' ? 'name-acronym' : 'name-bracket';
    // Each of two acronyms named together is defined by its share of the name, or by the whole name.
    const shares = parts.length === 2 ? splitName(name.expansion, parts[0], parts[1]) : [name.expansion];
    let at = m.index + m[0].indexOf(written);
    parts.forEach((acronym, index) => {
      const bare = acronym.replace(POSSESSIVE, '');
      found.push({
        acronym: bare, keys: acronymKeys(bare), expansion: shares[index] ?? name.expansion, form,
        start: name.start, end: m!.index + m![0].length, acronymStart: at, acronymEnd: at + bare.length, plausible: name.plausible,
      });
      at += acronym.length + 1;
    });
  }
  ACRONYM_THEN_NAME.lastIndex = 0;
  for (let m = ACRONYM_THEN_NAME.exec(text); m; m = ACRONYM_THEN_NAME.exec(text)) {
    const [, acronym, name] = m;
    if (!isAcronymToken(acronym) || isAcronymToken(name.trim()) || words(name).length < 2) continue;
    found.push({
      acronym, keys: acronymKeys(acronym), expansion: name.trim(), form: 'acronym-name',
      start: m.index, end: m.index + m[0].length, acronymStart: m.index, acronymEnd: m.index + acronym.length,
      plausible: initialsMatch(name, acronym),
    });
  }
  GLOSSARY_LINE.lastIndex = 0;
  for (let m = GLOSSARY_LINE.exec(text); m; m = GLOSSARY_LINE.exec(text)) {
    const [, acronym, dash, , rest] = m;
    if (!isAcronymToken(acronym) || isStopWord(acronym)) continue;
    const expansion = rest.trim().replace(/[.;,]+$/, '');
    const acronymStart = m.index + m[0].indexOf(acronym);
    found.push({
      acronym, keys: acronymKeys(acronym), expansion, form: dash ? 'dash' : 'colon',
      start: acronymStart, end: m.index + m[0].length, acronymStart, acronymEnd: acronymStart + acronym.length,
      plausible: initialsMatch(expansion.split(/[.;(]/)[0], acronym),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------- glossary

/**
 * What an acronym stands for: the partnership's own vocabulary first, then the built-in glossary.
 * Plural and possessive forms are looked up by their singular.
 */
export function lookupAcronym(token: string, vocabulary: Record<string, string> = {}): GlossaryEntry | undefined {
  const own = new Map(Object.entries(vocabulary).map(([acronym, expansion]) => [acronym.toUpperCase(), { acronym, expansion }]));
  for (const key of acronymKeys(token)) {
    const mine = own.get(key);
    const builtIn = GLOSSARY.get(key);
    if (mine) {
      return {
        acronym: mine.acronym, senses: [mine.expansion], ambiguous: false,
        deprecated: builtIn?.deprecated, wellKnown: WELL_KNOWN.has(key), origin: 'vocabulary',
      };
    }
    if (builtIn) {
      return {
        acronym: builtIn.acronym, senses: builtIn.senses, ambiguous: builtIn.ambiguous === true,
        note: builtIn.note, deprecated: builtIn.deprecated, wellKnown: WELL_KNOWN.has(key), origin: 'glossary',
      };
    }
  }
  return undefined;
}
