import agencyData from '../data/agencies.json';
import { isAllowed } from '../analysis/allowed';
import { lookupAcronym } from '../analysis/acronyms';
import { escapeRegExp, literalPattern } from '../analysis/lexicon';
import { britishSpelling, undoubled, withCaseOf, type BritishSpelling } from '../analysis/spelling';
import { memoByText } from '../memo';
import { HAS_APOSTROPHE, HAS_DIGIT, HAS_HYPHEN, HAS_LETTER, STARTS_CAPITAL, blockWords, type ProseWord } from '../model/words';
import type { DocumentModel, LintSettings, Rule, RuleContext, Vocabulary } from '../types';

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
/** Small words a name may contain: "Team Around the Family". */
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'at', 'with', '&']);

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
  /** uk-spelling reports this American form: it is its finding, not a variant to count here. */
  americanIsWrong(found: BritishSpelling): boolean;
}

function spellingSettings(settings: LintSettings): SpellingSettings {
  const ukSpelling = settings.rules['uk-spelling'];
  const on = ukSpelling?.severity !== 'off';
  const oxford = ukSpelling?.options?.oxfordSpelling === true;
  return { americanIsWrong: (found) => on && !(found.oxford && oxford) };
}

const agencyNames = new WeakMap<Vocabulary, RegExp>();

/** Agencies and roles are names: "Early Help" the service beside "early help" the support. */
function agencyPattern(vocabulary: Vocabulary): RegExp {
  let pattern = agencyNames.get(vocabulary);
  if (!pattern) {
    const sources = [
      ...agencyData.agencies.map((item) => item.pattern),
      ...agencyData.roles.map((item) => item.pattern),
      ...[...vocabulary.agencies, ...vocabulary.roles].filter((name) => name.trim()).map(literalPattern),
    ];
    pattern = new RegExp(`(?<![A-Za-z])(?:${sources.join('|')})(?![A-Za-z])`, 'i');
    agencyNames.set(vocabulary, pattern);
  }
  return pattern;
}

const wordsOfBlock = memoByText(blockWords);

/**
 * The words of the author's prose in document order (not in block quotes, code or markup). Each
 * block's words are remembered by its text; beside each word, its block and that block's offset.
 */
interface DocumentWords {
  list: ProseWord[];
  block: Int32Array;
  base: Int32Array;
}

function documentWords(model: DocumentModel): DocumentWords {
  const perBlock: ProseWord[][] = [];
  let count = 0;
  for (const block of model.blocks) {
    const words = block.quoted ? [] : wordsOfBlock(model.prose.slice(block.start, block.end));
    perBlock.push(words);
    count += words.length;
  }
  const list: ProseWord[] = new Array(count);
  const blockOf = new Int32Array(count);
  const base = new Int32Array(count);
  let i = 0;
  perBlock.forEach((words, index) => {
    const offset = model.blocks[index].start;
    for (const word of words) {
      list[i] = word;
      blockOf[i] = index;
      base[i++] = offset;
    }
  });
  return { list, block: blockOf, base };
}

function lowerForm(text: string): string {
  return text.toLowerCase().replace(/\u2011/g, '-').replace(/\s+/g, ' ');
}

/**
 * Forms of one term by hyphens, spaces and spelling: "multi-agency", "multi agency", "multiagency";
 * "focused", "focussed"; "co-ordinate", "coordinate".
 */
function shapeGroups(documentWords: DocumentWords, model: DocumentModel, spelling: SpellingSettings, configuredKeys: ReadonlyMap<string, string>): Map<string, Use[]> {
  const { list: words, block, base } = documentWords;
  const count = words.length;
  // First and last word of each use, by key; uses are made only for keys with more than one.
  const spans = new Map<string, number[]>();
  const add = (key: string, from: number, to: number) => {
    const list = spans.get(key);
    if (list) list.push(from, to);
    else spans.set(key, [from, to]);
  };

  // One pass over the words: hyphenated ones with the word after each (to compare "long-term plan" with
  // "long term plan"), the closed words, and each plain word's spelling key (undefined: not comparable).
  const keys: (string | undefined)[] = new Array(count);
  const hyphenated = new Map<string, { key: string; following: Set<string> }>();
  const hyphenFirstParts = new Set<string>();
  const hyphenKeys = new Set<string>();
  const spellingVariants = new Set<string>();
  const closedWords = new Set<string>();
  let threeParts = false;
  for (let i = 0; i < count; i++) {
    const word = words[i];
    const lower = word.lower;
    if (word.quoted) continue;
    if (word.shape & HAS_HYPHEN) {
      const parts = lower.split('-');
      // "re-cover" and "recover", "re-sign" and "resign" are different words; "2020-21" is not a term.
      if (parts[0] === 're' || parts.length > 3 || !(word.shape & HAS_LETTER) || parts.some((part) => part === '' || spellingKey(part, spelling) === undefined)) continue;
      const key = parts.map((part) => spellingKey(part, spelling) ?? part).join('');
      const raw = parts.join('');
      const next = i + 1 < count && words[i + 1].spaced && block[i + 1] === block[i] ? words[i + 1].lower : '';
      const entry = hyphenated.get(raw) ?? { key, following: new Set<string>() };
      entry.following.add(next);
      hyphenated.set(raw, entry);
      hyphenKeys.add(key);
      hyphenFirstParts.add(parts[0]);
      if (parts.length === 3) threeParts = true;
      add(key, i, i);
    } else if (!(word.shape & HAS_APOSTROPHE) || lower.length < word.text.length) {
      if (!(word.shape & HAS_LETTER)) {
        keys[i] = lower;
        continue;
      }
      const key = spellingKey(lower, spelling);
      if (key === undefined) continue;
      // A closed compound is two words of three letters or more ("healthcare"), or a prefix and a word ("email").
      if (lower.length > 4) closedWords.add(lower);
      keys[i] = key;
      if (key !== lower) spellingVariants.add(key);
    }
  }

  // Words written apart: "multi agency", "health care", "7 minute briefing", "face to face meeting".
  const spacedKeys = new Set<string>();
  const joined = (from: number, to: number) => to < count && words[to].spaced && block[to] === block[from] && keys[to] !== undefined;
  for (let i = 0; i + 1 < count; i++) {
    if (keys[i] === undefined || !joined(i, i + 1)) continue;
    const first = words[i].lower;
    const second = words[i + 1].lower;
    // Most pairs start or end with a small word ("of the", "and a"): only a hyphenated word's first part,
    // a prefix, or two longer words can be a term written apart.
    const longWords = first.length > 2 && second.length > 2 && first.length + second.length > 4;
    if (!(longWords && !FREE_WORDS.has(first) && !FREE_WORDS.has(second)) && !hyphenFirstParts.has(first) && !BOUND_PREFIXES.has(first)) continue;
    const pair = first + second;
    let last = i + 1;
    let hyphen = hyphenated.get(pair);
    const closed = closedWords.has(pair);
    if (!hyphen && !closed && threeParts && joined(i, i + 2)) {
      hyphen = hyphenated.get(pair + words[i + 2].lower);
      last = i + 2;
    }
    if (!hyphen && !closed) continue;
    let comparable = BOUND_PREFIXES.has(first);
    // Two free words written apart are often right ("in the long term", "follow up a referral"): only
    // the same phrase ("long term plan" beside "long-term plan") or a closed compound ("health care", "healthcare") counts.
    if (!comparable && closed && !FREE_WORDS.has(first) && !FREE_WORDS.has(second) && first.length > 2 && second.length > 2) comparable = true;
    if (!comparable && hyphen) comparable = joined(i, last + 1) && hyphen.following.has(words[last + 1].lower);
    if (!comparable) continue;
    const key = hyphen ? hyphen.key : spellingKey(pair, spelling) ?? pair;
    spacedKeys.add(key);
    add(key, i, last);
  }

  // Closed words whose key another form shares.
  if (hyphenKeys.size + spacedKeys.size + spellingVariants.size > 0) {
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      if (key !== undefined && words[i].shape & HAS_LETTER && (hyphenKeys.has(key) || spacedKeys.has(key) || spellingVariants.has(key))) add(key, i, i);
    }
  }
  const groups = new Map<string, Use[]>();
  for (const [key, list] of spans) {
    if (list.length < 4 && !configuredKeys.has(key)) continue;
    const uses: Use[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const start = base[list[k]] + words[list[k]].start;
      const end = base[list[k + 1]] + words[list[k + 1]].start + words[list[k + 1]].lower.length;
      const written = model.text.slice(start, end);
      uses.push({ start, end, written, form: lowerForm(written) });
    }
    groups.set(key, uses.sort((a, b) => a.start - b.start));
  }
  return groups;
}

/** Capitals that come and go: "Child Protection Plan" beside "child protection plan". */
function capitalGroups(documentWords: DocumentWords, model: DocumentModel, settings: LintSettings): Map<string, Use[]> {
  const { list: words, block, base } = documentWords;
  const inProse = (i: number) => {
    const kind = model.blocks[block[i]].kind;
    return (kind === 'paragraph' || kind === 'listItem') && !words[i].quoted;
  };
  const startOf = (i: number) => base[i] + words[i].start;
  const endOf = (i: number) => base[i] + words[i].end;
  const isCapitalised = (text: string) => /^[A-Z][a-z]/.test(text) && !/[A-Z]/.test(text.slice(1));
  const agencies = agencyPattern(settings.vocabulary);
  const groups = new Map<string, Use[]>();
  const runsByFirstWord = new Map<string, string[][]>();
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (!(first.shape & STARTS_CAPITAL) || first.sentenceStart || !inProse(i) || !isCapitalised(first.text)) continue;
    let last = i;
    let capitals = 1;
    for (let j = i + 1; j < words.length && words[j].spaced && block[j] === block[i] && !words[j].sentenceStart; j++) {
      if (isCapitalised(words[j].text)) {
        last = j;
        capitals++;
      } else if (!NAME_JOINERS.has(words[j].text)) break;
    }
    const firstIndex = i;
    const run = words.slice(i, last + 1);
    const before = words[i - 1];
    i = last;
    // A single capital is a name or an emphasis, not a term; capitals that go on from a sentence start are a longer name;
    // "Neglect or Sexual Abuse" names categories, capitalised as a set.
    if (capitals < 2 || (before && block[firstIndex - 1] === block[firstIndex] && first.spaced && /^[A-Z]/.test(before.text))) continue;
    const beforeThat = words[firstIndex - 2];
    if (before && /^(?:or|and)$/.test(before.text) && beforeThat && block[firstIndex - 2] === block[firstIndex] && /^[A-Z]/.test(beforeThat.text)) continue;
    const written = model.text.slice(startOf(firstIndex), endOf(last));
    if (agencies.test(written)) continue;
    const key = run.map((word) => word.text.toLowerCase()).join(' ');
    const use = { start: startOf(firstIndex), end: endOf(last), written, form: written };
    const list = groups.get(key);
    if (list) list.push(use);
    else {
      groups.set(key, [use]);
      const keyWords = key.split(' ');
      const byFirst = runsByFirstWord.get(keyWords[0]) ?? [];
      byFirst.push(keyWords);
      runsByFirstWord.set(keyWords[0], byFirst);
    }
  }
  if (groups.size === 0) return groups;
  // The same words in lower case, as a whole phrase.
  for (let i = 0; i < words.length; i++) {
    const candidates = runsByFirstWord.get(words[i].text);
    if (!candidates || !inProse(i)) continue;
    for (const keyWords of candidates) {
      const last = i + keyWords.length - 1;
      if (last >= words.length) continue;
      let same = true;
      for (let k = 1; k < keyWords.length && same; k++) {
        const word = words[i + k];
        same = word.text === keyWords[k] && word.spaced && block[i + k] === block[i];
      }
      if (!same) continue;
      const written = model.text.slice(startOf(i), endOf(last));
      groups.get(keyWords.join(' '))!.push({ start: startOf(i), end: endOf(last), written, form: written });
    }
  }
  return groups;
}

/** An acronym in two cases: "CYPFS" and "CYPFs", "CAMHS" and "Camhs"; not a plural ("CYPF" and "CYPFs"). */
function acronymGroups(documentWords: DocumentWords, model: DocumentModel, acronyms: Record<string, string>): Map<string, Use[]> {
  const { list: words, block, base } = documentWords;
  // Words of two to eight letters that start with a capital, with how many capitals they have.
  const candidates: { start: number; text: string }[] = [];
  const present = new Set<string>();
  const lengths = new Set<number>();
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (!(word.shape & STARTS_CAPITAL) || word.shape & (HAS_HYPHEN | HAS_DIGIT) || word.quoted) continue;
    // Letters only (shape: no hyphen or digit, and an apostrophe only as a possessive).
    if (word.shape & HAS_APOSTROPHE && word.lower.length === word.text.length) continue;
    const text = word.shape & HAS_APOSTROPHE ? word.text.slice(0, -2) : word.text;
    if (text.length < 2 || text.length > 8 || model.blocks[block[w]].kind === 'heading') continue;
    let capitals = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 90) capitals++;
    // A capital only at the start is a word at a sentence start or a name; it counts only beside the acronym.
    if (capitals < 2 && word.sentenceStart) continue;
    candidates.push({ start: base[w] + word.start, text });
    if (capitals === text.length) {
      present.add(text);
      lengths.add(text.length);
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

function reportGroup(context: RuleContext, uses: Use[], kind: 'shape' | 'capitals' | 'acronym', configured: string | undefined, reported: Set<number>): void {
  const counts = new Map<string, number>();
  for (const use of uses) counts.set(use.form, (counts.get(use.form) ?? 0) + 1);
  if (counts.size < 2 && configured === undefined) return;
  let target = configured;
  if (target === undefined) {
    // The form used most; on a tie the one used first, except capitals, where a tie leaves doubt.
    // A prefix written apart ("multi agency") is never the form to write, however often it is used.
    const candidates = [...counts].filter(([form]) => !(kind === 'shape' && BOUND_PREFIXES.has(form.split(' ')[0]) && form.includes(' ')));
    const ordered = candidates.sort((a, b) => b[1] - a[1]);
    if (ordered.length === 0 || (ordered.length > 1 && ordered[0][1] === ordered[1][1] && kind === 'capitals')) return;
    const best = ordered[0][1];
    target = uses.find((use) => counts.get(use.form) === best && candidates.some(([form]) => form === use.form))!.form;
  }
  const targetForm = kind === 'shape' ? lowerForm(target) : target;
  const targetUses = counts.get(targetForm) ?? 0;
  for (const use of uses) {
    if (use.form === targetForm || reported.has(use.start)) continue;
    if (isAllowed(context.settings.vocabulary, context.model.text, use.start, use.end)) continue;
    const text = kind === 'shape' ? fixedText(use.written, target) : target;
    if (text === use.written) continue;
    reported.add(use.start);
    const why = configured !== undefined
      ? `your configuration prefers "${target}"`
      : `this report writes "${target}" ${targetUses === 1 ? 'once' : `${targetUses} times`}`;
    context.report({
      start: use.start,
      end: use.end,
      message: `"${use.written}" is another form of a term: ${why}. Write one term one way.`,
      data: { form: use.form, preferred: target, uses: targetUses },
      fixes: [{ title: `Write "${text}"`, edits: [{ start: use.start, end: use.end, text }] }],
    });
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
      'Forms are grouped by ignoring hyphens, spaces and capitals and by known spelling variants (-ise / -ize, focussed / focused, judgement / judgment); each use of a less used form is reported, with a quick fix to the form used most (or first, on a tie) or to the one set in `vocabulary.preferred`. ' +
      'Two ordinary words written apart are only compared where the phrase is the same ("long term plan" beside "long-term plan"), because "in the long term" and "follow up" are right. ' +
      'Capitals are compared only for phrases of two or more words in the running text: not in headings, at sentence starts or in table cells, and not for agency and role names ("Children\'s Social Care", "Early Help" the service). ' +
      'An acronym written in two cases is reported unless the second is its plural ("CYPF" and "CYPFs"). American spellings are left to uk-spelling when it is on. `--fix` does not change words.',
    bad: 'The multi-agency audit met in May. Each multi agency meeting kept notes, and the Child Protection Plan was reviewed. Every child protection plan was in date.',
    good: 'The multi-agency audit met in May. Each multi-agency meeting kept notes, and the child protection plan was reviewed. Every child protection plan was in date.',
  },
  check(context) {
    const { model, settings } = context;
    const words = documentWords(model);
    const reported = new Set<number>();
    const spelling = spellingSettings(settings);
    const wanted = preferences(settings.vocabulary);
    const preferredByKey = new Map<string, string>();
    for (const { preferred } of wanted) preferredByKey.set(phraseKey(preferred, spelling), preferred);

    // Configured variants first: each use is reported, whatever the counts.
    for (const { preferred, variants } of wanted) {
      const uses: Use[] = [];
      for (const block of variants.length ? model.blocks : []) {
        if (block.quoted) continue;
        const text = model.prose.slice(block.start, block.end);
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
    for (const [key, uses] of shapeGroups(words, model, spelling, preferredByKey)) reportGroup(context, uses, 'shape', preferredByKey.get(key), reported);
    for (const uses of capitalGroups(words, model, settings).values()) reportGroup(context, uses, 'capitals', undefined, reported);
    for (const uses of acronymGroups(words, model, settings.vocabulary.acronyms).values()) reportGroup(context, uses, 'acronym', undefined, reported);
  },
};

function phraseKey(phrase: string, spelling: SpellingSettings): string {
  return phrase.toLowerCase().split(/[-\u2011\s]+/).filter(Boolean).map((part) => spellingKey(part, spelling) ?? part).join('');
}
