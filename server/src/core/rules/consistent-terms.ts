import agencyData from '../data/agencies.json';
import { isAllowed } from '../analysis/allowed';
import { lookupAcronym } from '../analysis/acronyms';
import { escapeRegExp, literalPattern } from '../analysis/lexicon';
import { capitalGroups, mixedCapitals } from '../analysis/capitals';
import { britishSpelling, undoubled, withCaseOf, type BritishSpelling } from '../analysis/spelling';
import { memoByTextWith } from '../memo';
import { HAS_APOSTROPHE, HAS_DIGIT, HAS_HYPHEN, HAS_LETTER, STARTS_CAPITAL, isTitleCase, type ProseWord } from '../model/words';
import type { BlockKind, DocumentModel, LintSettings, Rule, RuleContext, Vocabulary } from '../types';

/** One use of a term: where, as written, and its form (lower case, hyphens and spaces as written). */
interface Use {
  start: number;
  end: number;
  written: string;
  form: string;
}

/** Prefixes that do not stand alone: "multi agency" is never right, whatever follows. */
const BOUND_PREFIXES = new Set(['multi', 'inter', 'intra', 'non', 'co', 'sub', 'pre', 'post', 'anti', 'semi', 'self', 'ex', 'e', 'cyber', 'pro']);
/**
 * Words that make a different phrase when written apart: "in to" / "into", "every day" /
 * "everyday", "follow up" (a verb) / "follow-up" (a noun).
 */
const FREE_WORDS = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'to', 'by', 'for', 'of', 'up', 'down', 'out', 'off', 'over', 'under', 'back', 'away',
  'through', 'about', 'around', 'after', 'into', 'onto', 'with', 'within', 'without', 'any', 'every', 'some', 'no', 'all',
  'may', 'can', 'be', 'there', 'where', 'what', 'when', 'who', 'how', 'ever', 'more', 'one', 'body', 'thing', 'time',
  'times', 'day', 'days', 'way', 'ways', 'self', 'where', 'long', 'short', 'part', 'full', 'well', 'not', 'so', 'as',
  'and', 'or', 'is', 'are', 'was', 'were', 'has', 'have', 'do', 'did', 'go', 'going', 'get', 'set', 'run', 'make',
]);
/** A hyphen or dash with a space on either side, between two parts of one word: "self – assessment", "multi- agency". */
const SPACED_DASH = /[a-z0-9](?: [-\u2010-\u2014]|[-\u2010-\u2014] | [-\u2010-\u2014] )[a-z0-9]/;

/** Is there a hyphen or dash between two offsets? Asked before the text between two words is cut. */
function hasDash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 45 || (code >= 0x2010 && code <= 0x2014)) return true;
  }
  return false;
}

/**
 * The key a word's spellings share: "organize" and "organise", "focussed" and "focused". Undefined for
 * an American spelling that uk-spelling reports: that is its finding, not a form to count here.
 */
function spellingKey(word: string, spelling: SpellingSettings): string | undefined {
  const american = britishSpelling(word);
  if (american && spelling.americanIsWrong(american)) return undefined;
  let key = american ? american.british : word;
  if (key.endsWith('ed') || key.endsWith('ing')) key = undoubled(key);
  return key.includes('dgement') ? key.replace('dgement', 'dgment') : key;
}

interface SpellingSettings {
  /** Names how American spellings are treated: "on", "on, Oxford" or "off". */
  treatment: string;
  /** uk-spelling reports this American form: it is its finding, not a variant to count here. */
  americanIsWrong(found: BritishSpelling): boolean;
}

function spellingSettings(settings: LintSettings): SpellingSettings {
  const ukSpelling = settings.rules['uk-spelling'];
  const on = ukSpelling?.severity !== 'off';
  const oxford = ukSpelling?.options?.oxfordSpelling === true;
  return { treatment: on ? (oxford ? 'on, Oxford' : 'on') : 'off', americanIsWrong: (found) => on && !(found.oxford && oxford) };
}

const agencyNames = new WeakMap<Vocabulary, RegExp>();

/** Agencies and roles are names: "Early Help" the service beside "early help" the support. Matched as the whole phrase. */
function agencyPattern(vocabulary: Vocabulary): RegExp {
  let pattern = agencyNames.get(vocabulary);
  if (!pattern) {
    const sources = [
      ...agencyData.agencies.map((item) => item.pattern),
      ...agencyData.roles.map((item) => item.pattern),
      ...[...vocabulary.agencies, ...vocabulary.roles].filter((name) => name.trim()).map(literalPattern),
    ];
    pattern = new RegExp(`^(?:${sources.join('|')})$`, 'i');
    agencyNames.set(vocabulary, pattern);
  }
  return pattern;
}

/** The words of one block of running prose, each with its spelling key (undefined: not compared as a plain word). */
interface BlockTerms {
  words: readonly ProseWord[];
  keys: (string | undefined)[];
}

/** A block's keys depend on its words (so its text) and how American spellings are treated: remembered by text for each treatment. */
const keysByTreatment = new Map<string, (text: string, words: readonly ProseWord[]) => (string | undefined)[]>();

function keysOf(text: string, words: readonly ProseWord[], spelling: SpellingSettings): (string | undefined)[] {
  let find = keysByTreatment.get(spelling.treatment);
  if (!find) {
    find = memoByTextWith((_text, words: readonly ProseWord[]) => words.map((word) => plainKey(word, spelling)));
    keysByTreatment.set(spelling.treatment, find);
  }
  return find(text, words);
}

/** The key of a plain word (not hyphenated, not quoted): its spelling key, or the word itself when it has no letters. */
function plainKey(word: ProseWord, spelling: SpellingSettings): string | undefined {
  if (word.quoted || word.shape & HAS_HYPHEN) return undefined;
  if (word.shape & HAS_APOSTROPHE && word.lower.length >= word.text.length) return undefined;
  return word.shape & HAS_LETTER ? spellingKey(word.lower, spelling) : word.lower;
}

/** The author's prose block by block, in document order (not block quotes, code or markup). */
interface ProseTerms extends BlockTerms {
  text: string;
  /** Offset of the block in the document. */
  start: number;
  kind: BlockKind;
}

function proseTerms(model: DocumentModel, spelling: SpellingSettings): ProseTerms[] {
  const blocks: ProseTerms[] = [];
  model.blocks.forEach((block, index) => {
    const words = model.words[index];
    if (block.quoted || words.length === 0) return;
    const keys = keysOf(block.text, words, spelling);
    blocks.push({ text: block.text, words, keys, start: block.start, kind: block.kind });
  });
  return blocks;
}

function lowerForm(text: string): string {
  return text.toLowerCase().replace(/\u2011/g, '-').replace(/\s+/g, ' ');
}


/**
 * Forms of one term by hyphens, spaces and spelling: "multi-agency", "multi agency", "multiagency";
 * "focused", "focussed"; "co-ordinate", "coordinate".
 */
function shapeGroups(blocks: readonly ProseTerms[], model: DocumentModel, spelling: SpellingSettings, configuredKeys: ReadonlyMap<string, string>): Map<string, Use[]> {
  // Start and end of each use, by key; uses are made only for keys with more than one.
  const spans = new Map<string, number[]>();
  const add = (key: string, start: number, end: number) => {
    const list = spans.get(key);
    if (list) list.push(start, end);
    else spans.set(key, [start, end]);
  };

  // One pass over the words: hyphenated ones with the word after each (to compare "long-term plan" with
  // "long term plan"), the closed words, and the spelling variants.
  const hyphenated = new Map<string, { key: string; following: Set<string> }>();
  const hyphenFirstParts = new Set<string>();
  const hyphenKeys = new Set<string>();
  const spellingVariants = new Set<string>();
  const closedWords = new Set<string>();
  let threeParts = false;
  for (const { words, keys, start } of blocks) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      const lower = word.lower;
      if (word.quoted) continue;
      if (word.shape & HAS_HYPHEN) {
        const parts = lower.split('-');
        // "re-cover" and "recover", "re-sign" and "resign" are different words; "2020-21" is not a term.
        if (parts[0] === 're' || parts.length > 3 || !(word.shape & HAS_LETTER) || parts.some((part) => part === '' || spellingKey(part, spelling) === undefined)) continue;
        const key = parts.map((part) => spellingKey(part, spelling) ?? part).join('');
        const raw = parts.join('');
        const next = i + 1 < words.length && words[i + 1].spaced ? words[i + 1].lower : '';
        const entry = hyphenated.get(raw) ?? { key, following: new Set<string>() };
        entry.following.add(next);
        hyphenated.set(raw, entry);
        hyphenKeys.add(key);
        hyphenFirstParts.add(parts[0]);
        if (parts.length === 3) threeParts = true;
        add(key, start + word.start, start + word.start + lower.length);
      } else if (word.shape & HAS_LETTER) {
        const key = keys[i];
        if (key === undefined) continue;
        // A closed compound is two words of three letters or more ("healthcare"), or a prefix and a word ("email").
        if (lower.length > 4) closedWords.add(lower);
        if (key !== lower) spellingVariants.add(key);
      }
    }
  }

  // Words written apart: "multi agency", "health care", "7 minute briefing", "face to face meeting".
  const spacedKeys = new Set<string>();
  for (const { words, keys, start } of blocks) {
    const joined = (to: number) => to < words.length && words[to].spaced && keys[to] !== undefined;
    for (let i = 0; i + 1 < words.length; i++) {
      if (keys[i] === undefined || !joined(i + 1)) continue;
      const first = words[i].lower;
      const second = words[i + 1].lower;
      // Most pairs start or end with a small word ("of the", "and a"): only a hyphenated word's first part,
      // a prefix, two longer words, or two capitalised ones ("Well Being": a term, not "doing well") can be a term written apart.
      const longWords = first.length > 2 && second.length > 2 && first.length + second.length > 4;
      const titled = isTitleCase(words[i].text) && isTitleCase(words[i + 1].text);
      if (!(longWords && !FREE_WORDS.has(first) && !FREE_WORDS.has(second)) && !titled && !hyphenFirstParts.has(first) && !BOUND_PREFIXES.has(first)) continue;
      const pair = first + second;
      let last = i + 1;
      let hyphen = hyphenated.get(pair);
      const closed = closedWords.has(pair);
      if (!hyphen && !closed && threeParts && joined(i + 2)) {
        hyphen = hyphenated.get(pair + words[i + 2].lower);
        last = i + 2;
      }
      if (!hyphen && !closed) continue;
      let comparable = BOUND_PREFIXES.has(first) || titled;
      // Two free words written apart are often right ("in the long term", "follow up a referral"): only
      // the same phrase ("long term plan" beside "long-term plan") or a closed compound ("health care", "healthcare") counts.
      if (!comparable && closed && !FREE_WORDS.has(first) && !FREE_WORDS.has(second) && first.length > 2 && second.length > 2) comparable = true;
      if (!comparable && hyphen) comparable = joined(last + 1) && hyphen.following.has(words[last + 1].lower);
      if (!comparable) continue;
      const key = hyphen ? hyphen.key : spellingKey(pair, spelling) ?? pair;
      spacedKeys.add(key);
      add(key, start + words[i].start, start + words[last].start + words[last].lower.length);
    }
  }

  // One word broken round a spaced hyphen or dash: "self – assessment", "multi- agency", "well - being".
  for (const { words, keys, start } of blocks) {
    for (let i = 0; i + 1 < words.length; i++) {
      const [left, right] = [words[i], words[i + 1]];
      if (right.spaced || left.quoted || keys[i] === undefined || keys[i + 1] === undefined || !(left.shape & right.shape & HAS_LETTER)) continue;
      if (!hasDash(model.prose, start + left.end, start + right.start) || !SPACED_DASH.test(model.prose.slice(start + left.end - 1, start + right.start + 1).toLowerCase())) continue;
      const pair = left.lower + right.lower;
      const hyphen = hyphenated.get(pair);
      if (!hyphen && !closedWords.has(pair) && !BOUND_PREFIXES.has(left.lower)) continue;
      const key = hyphen ? hyphen.key : spellingKey(pair, spelling) ?? pair;
      spacedKeys.add(key);
      add(key, start + left.start, start + right.start + right.lower.length);
    }
  }

  // Closed words whose key another form shares.
  if (hyphenKeys.size + spacedKeys.size + spellingVariants.size > 0) {
    for (const { words, keys, start } of blocks) {
      for (let i = 0; i < words.length; i++) {
        const key = keys[i];
        if (key !== undefined && words[i].shape & HAS_LETTER && (hyphenKeys.has(key) || spacedKeys.has(key) || spellingVariants.has(key))) {
          add(key, start + words[i].start, start + words[i].start + words[i].lower.length);
        }
      }
    }
  }
  const groups = new Map<string, Use[]>();
  for (const [key, list] of spans) {
    if (list.length < 4 && !configuredKeys.has(key)) continue;
    const uses: Use[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const written = model.text.slice(list[k], list[k + 1]);
      uses.push({ start: list[k], end: list[k + 1], written, form: lowerForm(written) });
    }
    groups.set(key, uses.sort((a, b) => a.start - b.start));
  }
  return groups;
}

/** An acronym in two cases: "CYPFS" and "CYPFs", "CAMHS" and "Camhs"; not a plural ("CYPF" and "CYPFs"). */
function acronymGroups(blocks: readonly ProseTerms[], acronyms: Record<string, string>): Map<string, Use[]> {
  // Words of two to eight letters that start with a capital, outside headings.
  const candidates: { start: number; text: string }[] = [];
  const present = new Set<string>();
  const lengths = new Set<number>();
  for (const { words, start, kind } of blocks) {
    if (kind === 'heading') continue;
    for (const word of words) {
      if (!(word.shape & STARTS_CAPITAL) || word.shape & (HAS_HYPHEN | HAS_DIGIT) || word.quoted) continue;
      // Letters only (shape: no hyphen or digit, and an apostrophe only as a possessive).
      if (word.shape & HAS_APOSTROPHE && word.lower.length === word.text.length) continue;
      const text = word.shape & HAS_APOSTROPHE ? word.text.slice(0, -2) : word.text;
      if (text.length < 2 || text.length > 8) continue;
      let capitals = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 90) capitals++;
      // A capital only at the start is a word at a sentence start or a name; it counts only beside the acronym.
      if (capitals < 2 && word.sentenceStart) continue;
      candidates.push({ start: start + word.start, text });
      if (capitals === text.length) {
        present.add(text);
        lengths.add(text.length);
      }
    }
  }
  const groups = new Map<string, Use[]>();
  if (present.size === 0) return groups;
  for (const { start, text } of candidates) {
    if (!lengths.has(text.length)) continue;
    const key = text.toUpperCase();
    if (!present.has(key)) continue;
    const use = { start, end: start + text.length, written: text, form: text };
    const list = groups.get(key);
    if (list) list.push(use);
    else groups.set(key, [use]);
  }
  for (const [key, uses] of groups) {
    // Plurals are not variants: "CYPFs" beside "CYPF".
    const kept = uses.filter((use) => !(/[A-Z]s$/.test(use.form) && present.has(use.form.slice(0, -1))));
    const forms = new Set(kept.map((use) => use.form));
    // An acronym: another form has capitals inside too ("CYPFs") or the acronym is known ("Camhs" beside
    // "CAMHS"). "Plymouth" beside "PLYMOUTH" in a shouted line is not one.
    const acronym = [...forms].some((form) => form !== key && /^.[^A-Z]*[A-Z]/.test(form)) || lookupAcronym(key, acronyms) !== undefined;
    if (!acronym || forms.size < 2) groups.delete(key);
    else groups.set(key, kept);
  }
  return groups;
}

interface Preference {
  preferred: string;
  /** Listed variants, matched as phrases: in any case, and (those that differ only in capitals) with their capitals. */
  variants: RegExp[];
}

const preferenceCache = new WeakMap<Vocabulary, Preference[]>();

function preferences(vocabulary: Vocabulary): Preference[] {
  let list = preferenceCache.get(vocabulary);
  if (!list) {
    list = Object.entries(vocabulary.preferred ?? {}).map(([preferred, listed]) => {
      const terms = listed.filter((variant) => variant.trim() !== '');
      // A variant that differs only in capitals is matched with its capitals; others in any case.
      const sensitive = terms.filter((variant) => variant.toLowerCase() === preferred.toLowerCase());
      const insensitive = terms.filter((variant) => variant.toLowerCase() !== preferred.toLowerCase());
      const exact = (variant: string) => variant.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
      const bounded = (sources: string[], flags: string) => new RegExp(`(?<![A-Za-z0-9])(?:${sources.join('|')})(?![A-Za-z0-9])`, flags);
      const variants: RegExp[] = [];
      if (insensitive.length) variants.push(bounded(insensitive.map(literalPattern), 'gi'));
      if (sensitive.length) variants.push(bounded(sensitive.map(exact), 'g'));
      return { preferred, variants };
    });
    preferenceCache.set(vocabulary, list);
  }
  return list;
}

/** The form to write: a configured form with capitals as configured, otherwise in the case of the use ("Multi Agency" → "Multi-Agency"). */
function fixedText(written: string, target: string): string {
  return /[A-Z]/.test(target) ? target : withCaseOf(written, target);
}

/** The spans already reported: one use is reported once, by the longest phrase that holds it. */
type Reported = Map<number, number>;
const overlapsReported = (reported: Reported, use: Use): boolean => {
  for (const [start, end] of reported) if (start < use.end && use.start < end) return true;
  return false;
};

function reportGroup(context: RuleContext, uses: Use[], kind: 'shape' | 'capitals' | 'acronym', configured: string | undefined, reported: Reported): void {
  const counts = new Map<string, number>();
  for (const use of uses) counts.set(use.form, (counts.get(use.form) ?? 0) + 1);
  if (counts.size < 2 && configured === undefined) return;
  let target = configured;
  if (target === undefined) {
    // The form used most; on a tie the one used first. A prefix written apart ("multi agency") or around a
    // dash ("self – assessment") is never the form to write, however often it is used. Capitals on a tie:
    // a form that mixes them ("Core group") last, and lower case first.
    const candidates = [...counts].filter(([form]) => !(kind === 'shape' && (SPACED_DASH.test(form) || (BOUND_PREFIXES.has(form.split(' ')[0]) && form.includes(' ')))));
    const capitalRank = (form: string) => (mixedCapitals(form) ? 2 : form === form.toLowerCase() ? 0 : 1);
    const ordered = candidates.sort((a, b) => b[1] - a[1] || (kind === 'capitals' ? capitalRank(a[0]) - capitalRank(b[0]) : 0));
    if (ordered.length === 0) return;
    const best = ordered[0];
    target = kind === 'capitals' ? best[0] : uses.find((use) => counts.get(use.form) === best[1] && candidates.some(([form]) => form === use.form))!.form;
  }
  const targetForm = kind === 'shape' ? lowerForm(target) : target;
  const targetUses = counts.get(targetForm) ?? 0;
  // Each other form is one problem: its first use is the warning, its later uses notes with their fixes.
  const formsReported = new Set<string>();
  for (const use of uses) {
    if (use.form === targetForm || overlapsReported(reported, use)) continue;
    if (isAllowed(context.settings.vocabulary, context.model.text, use.start, use.end)) continue;
    const text = kind === 'shape' ? fixedText(use.written, target) : target;
    if (text === use.written) continue;
    reported.set(use.start, use.end);
    const why = configured !== undefined
      ? `your configuration prefers "${target}"`
      : `this report writes "${target}" ${targetUses === 1 ? 'once' : `${targetUses} times`}`;
    context.report({
      start: use.start,
      end: use.end,
      message: `"${use.written}" is another form of a term: ${why}. Write one term one way.`,
      data: { form: use.form, preferred: target, uses: targetUses },
      fixes: [{ title: `Write "${text}"`, edits: [{ start: use.start, end: use.end, text }] }],
      advisory: formsReported.has(use.form),
    });
    formsReported.add(use.form);
  }
}

export const rule: Rule = {
  meta: {
    id: 'consistent-terms',
    description: 'One term is written one way throughout a report: hyphens and spaces ("multi-agency" / "multi agency"), capitals, an acronym\'s case, spelling ("focused" / "focussed").',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: true,
    rationale:
      'A term written three ways makes a reader wonder whether three things are meant, and is the first thing a careful editor catches. ' +
      'Forms are grouped by ignoring hyphens, spaces and capitals and by known spelling variants (-ise / -ize, focussed / focused, judgement / judgment); each use of a less used form is reported, with a quick fix to the form used most (or first, on a tie) or to the one set in `vocabulary.preferred`; a form\'s first use is the warning and its later uses are notes at info. ' +
      'Two ordinary words written apart are only compared where the phrase is the same ("long term plan" beside "long-term plan"), because "in the long term" and "follow up" are right. ' +
      'A word broken round a spaced hyphen or dash ("self – assessment", "multi- agency") is a variant of the closed form, and so are two capitalised words written apart ("Well Being" beside "wellbeing"). ' +
      'Capitals are compared in the running text only, not in headings, at sentence starts or in table cells: phrases of two or more capitalised words ("Early Help Assessment" beside "early help assessment"), a phrase capitalised in part ("Core group" beside "Core Group", "Partnership board" beside "Partnership Board"), one capital after words in lower case ("out of County"), and a numbered section ("Section 175" beside "section 157"). ' +
      'A name beside the same words as a common noun is not reported: an agency or role ("Early Help" the service), a name followed by its acronym ("the Multi-Agency Case Audit (MACA)") or running on into a longer name, a name in a list of names, or a title of three words or more beside "a …" or "each …" in lower case. ' +
      'An acronym written in two cases is reported unless the second is its plural ("CYPF" and "CYPFs"). American spellings are left to uk-spelling when it is on. `--fix` does not change words.',
    bad: 'The multi-agency audit met in May. Each multi agency meeting kept notes, and the Child Protection Plan was reviewed. Every child protection plan was in date.',
    good: 'The multi-agency audit met in May. Each multi-agency meeting kept notes, and the child protection plan was reviewed. Every child protection plan was in date.',
  },
  check(context) {
    const { model, settings } = context;
    const reported: Reported = new Map();
    const spelling = spellingSettings(settings);
    const blocks = proseTerms(model, spelling);
    const wanted = preferences(settings.vocabulary);
    const preferredByKey = new Map<string, string>();
    for (const { preferred } of wanted) preferredByKey.set(phraseKey(preferred, spelling), preferred);

    // Configured variants first: each use is reported, whatever the counts.
    for (const { preferred, variants } of wanted) {
      const uses: Use[] = [];
      for (const block of variants.length ? model.blocks : []) {
        if (block.quoted) continue;
        const text = block.text;
        for (const pattern of variants) {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
            const start = block.start + m.index;
            uses.push({ start, end: start + m[0].length, written: m[0], form: m[0] });
          }
        }
      }
      if (uses.length > 0) reportGroup(context, uses, /[A-Z]/.test(preferred) ? 'capitals' : 'shape', preferred, reported);
    }
    if (context.overBudget()) return;
    for (const [key, uses] of shapeGroups(blocks, model, spelling, preferredByKey)) reportGroup(context, uses, 'shape', preferredByKey.get(key), reported);
    // Running text only: paragraphs and list items, not headings or table cells.
    const running = blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'listItem');
    const agencies = agencyPattern(settings.vocabulary);
    const capitals = [...capitalGroups(running, model.text, (written) => agencies.test(written))].sort(([a], [b]) => b.split(' ').length - a.split(' ').length);
    for (const [, uses] of capitals) reportGroup(context, uses, 'capitals', undefined, reported);
    for (const uses of acronymGroups(blocks, settings.vocabulary.acronyms).values()) reportGroup(context, uses, 'acronym', undefined, reported);
  },
};

function phraseKey(phrase: string, spelling: SpellingSettings): string {
  return phrase.toLowerCase().split(/[-\u2011\s]+/).filter(Boolean).map((part) => spellingKey(part, spelling) ?? part).join('');
}
