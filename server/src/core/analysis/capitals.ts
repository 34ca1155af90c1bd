import { STARTS_CAPITAL, isTitleCase, lowerCaseOf, type ProseWord } from '../model/words';
import { kept, memoByTextIn, memoByTextWith, type TextFacts } from '../memo';
import { isNameHead } from './protected-spans';

/** One use of a phrase in running text, with its capitals as written. */
export interface CapitalUse {
  start: number;
  end: number;
  written: string;
  form: string;
}

/** A paragraph or list item: its prose, its words and where it starts in the document. */
export interface RunningText {
  text: string;
  facts?: TextFacts;
  words: readonly ProseWord[];
  start: number;
}

/** Small words a name may contain: "Team Around the Family". */
const NAME_JOINERS = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'at', 'with', '&']);
/** Words whose capital only starts the sentence, not a name: "The Early Help Assessment". */
const OPENING_WORDS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Our', 'Their', 'Each', 'Every', 'All', 'Any', 'Some', 'No', 'In', 'At', 'By', 'For', 'From', 'With', 'On', 'As', 'When', 'Where', 'While', 'If', 'After', 'Before', 'Both', 'Further', 'Then', 'Once']);
/** Labels of a numbered part of an Act or a document: "Section 175" beside "section 157". */
const NUMBERED_LABELS = new Set(['section', 'sections', 'schedule', 'regulation', 'paragraph', 'appendix', 'chapter', 'article']);
/** Stands for the number in the key of a numbered label. */
const NUMBER = '#';

const isLowerWord = (word: ProseWord | undefined): boolean => word !== undefined && /^[a-z][a-z'’-]*$/.test(word.text);
const hasDigit = (word: ProseWord | undefined): boolean => word !== undefined && /^\d/.test(word.text);

/** A phrase to compare: its words in lower case, and them joined, its key. */
interface Phrase {
  words: string[];
  key: string;
}

const phrase = (words: string[]): Phrase => ({ words, key: words.join(' ') });

/** The capitalised phrases one block asks to compare. */
function phrasesOf(words: readonly ProseWord[]): readonly Phrase[] {
  const phrases: Phrase[] = [];
  // "Partnership board": a name's head noun in lower case after its capitals, compared with "Partnership Board".
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (isTitleCase(word.text) && !word.quoted && next.spaced && !next.sentenceStart && isLowerWord(next) && isNameHead(next.text)) {
      phrases.push(phrase([lowerCaseOf(word), next.text]));
    }
  }
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (!(first.shape & STARTS_CAPITAL) || first.sentenceStart || first.quoted || !isTitleCase(first.text)) continue;
    let last = i;
    let capitals = 1;
    for (let j = i + 1; j < words.length && words[j].spaced && !words[j].sentenceStart; j++) {
      if (isTitleCase(words[j].text)) {
        last = j;
        capitals++;
      } else if (!NAME_JOINERS.has(words[j].text)) break;
    }
    const before = words[i - 1];
    const beforeThat = words[i - 2];
    const run = words.slice(i, last + 1);
    i = last;
    if (NUMBERED_LABELS.has(lowerCaseOf(first)) && capitals === 1 && hasDigit(words[last + 1])) continue;
    if (capitals < 2) {
      // "out of County": one capital after two words in lower case, and no name after it.
      if (first.spaced && before?.spaced && isLowerWord(before) && isLowerWord(beforeThat) && !NAME_JOINERS.has(lowerCaseOf(first))) {
        phrases.push(phrase([lowerCaseOf(beforeThat), lowerCaseOf(before), lowerCaseOf(first)]));
      }
      continue;
    }
    // Capitals that go on from a sentence start are a longer name; "Neglect or Sexual Abuse" names categories, capitalised as a set.
    if (before && first.spaced && /^[A-Z]/.test(before.text) && !OPENING_WORDS.has(before.text)) continue;
    if (before && /^(?:or|and)$/.test(before.text) && beforeThat && /^[A-Z]/.test(beforeThat.text)) continue;
    phrases.push(phrase(run.map(lowerCaseOf)));
  }
  return kept(phrases);
}

const phrasesIn = memoByTextWith((_text: string, words: readonly ProseWord[]) => phrasesOf(words));

/** A use of a phrase in a block, offsets from the block's start; `form` for a numbered label, whose word is its form. */
interface BlockUse {
  key: string;
  start: number;
  end: number;
  form?: string;
}

/** Where a block uses the phrases the report compares, looked up by their first word. */
function usesOf(words: readonly ProseWord[], phrases: ReadonlyMap<string, Phrase[]>): readonly BlockUse[] {
  const uses: BlockUse[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.sentenceStart || word.quoted) continue;
    const lower = lowerCaseOf(word);
    if (NUMBERED_LABELS.has(lower) && words[i + 1]?.spaced && hasDigit(words[i + 1])) {
      uses.push({ key: `${lower} ${NUMBER}`, start: word.start, end: word.end, form: word.text });
      continue;
    }
    for (const { words: keyWords, key } of phrases.get(lower) ?? []) {
      const last = i + keyWords.length - 1;
      if (last >= words.length) continue;
      let same = true;
      for (let k = 1; k < keyWords.length && same; k++) same = words[i + k].spaced && !words[i + k].sentenceStart && lowerCaseOf(words[i + k]) === keyWords[k];
      if (same) uses.push({ key, start: word.start, end: words[last].end });
    }
  }
  return kept(uses);
}

/** A block's uses depend on its words and on the phrases of the whole report, which change seldom. */
const usesIn = memoByTextIn((_text: string, { words, phrases }: { words: readonly ProseWord[]; phrases: ReadonlyMap<string, Phrase[]> }) => usesOf(words, phrases));

/**
 * Phrases whose capitals come and go in running text, grouped by their words in lower case:
 * "Core Group" beside "Core group", "Early Help Assessment" beside "early help assessment", "out of
 * County" beside "out of county", "Section 175" beside "section 157". Only uses that do not start a
 * sentence count, since a sentence start's capital says nothing. A capitalised phrase is one of two
 * or more capitalised words (small words between), one capitalised word after two in lower case, or
 * a numbered label. `isAgency` tells names whose capitals are theirs ("Early Help" the service).
 */
export function capitalGroups(blocks: readonly RunningText[], text: string, isAgency: (written: string) => boolean): Map<string, CapitalUse[]> {
  // The phrases to look for, by their first word; each once.
  const phrases = new Map<string, Phrase[]>();
  const known = new Set<string>();
  for (const block of blocks) {
    for (const found of phrasesIn(block.text, block.words, block.facts)) {
      if (known.has(found.key)) continue;
      known.add(found.key);
      const list = phrases.get(found.words[0]);
      if (list) list.push(found);
      else phrases.set(found.words[0], [found]);
    }
  }

  // Most phrases are written one way throughout: each use is compared with the first as it is found,
  // and only the uses of phrases written more than one way are gathered.
  const find = usesIn(() => [...known].join('\n'));
  const usesByBlock = blocks.map((block) => find(block.text, { words: block.words, phrases }, block.facts));
  const firstForms = new Map<string, string>();
  const varying = new Set<string>();
  blocks.forEach((block, index) => {
    for (const use of usesByBlock[index]) {
      if (varying.has(use.key)) continue;
      const start = block.start + use.start;
      const first = firstForms.get(use.key);
      if (first === undefined) firstForms.set(use.key, use.form ?? text.slice(start, block.start + use.end));
      else if (use.form !== undefined ? use.form !== first : use.end - use.start !== first.length || !text.startsWith(first, start)) varying.add(use.key);
    }
  });
  const groups = new Map<string, CapitalUse[]>();
  if (varying.size === 0) return groups;
  // In the order first used, which orders each first word's phrases.
  blocks.forEach((block, index) => {
    for (const use of usesByBlock[index]) {
      if (!varying.has(use.key)) continue;
      const start = block.start + use.start;
      const end = block.start + use.end;
      const written = use.form ?? text.slice(start, end);
      const list = groups.get(use.key);
      const one = { start, end, written, form: written };
      if (list) list.push(one);
      else groups.set(use.key, [one]);
    }
  });
  groups.forEach((uses, key) => {
    if (namedBesideCommonNoun(uses, text, isAgency)) groups.delete(key);
  });
  return groups;
}

/**
 * A full name ("the Multi-Agency Case Audit (MACA)", three title-case words or more) or an agency
 * ("Early Help" the service) beside the same words as a common noun in lower case ("a multi-agency
 * case audit"): both are right. A name written with capitals only in part ("Core group") is still reported.
 */
function namedBesideCommonNoun(uses: readonly CapitalUse[], text: string, isAgency: (written: string) => boolean): boolean {
  const capitalised = uses.filter((use) => use.form !== use.form.toLowerCase());
  if (capitalised.length === uses.length || capitalised.some((use) => mixedCapitals(use.form))) return false;
  // The common noun is one of a kind ("a multi-agency case audit"), not the body the name stands for ("the disabled children's team").
  const generic = uses.filter((use) => !capitalised.includes(use)).every((use) => GENERIC_BEFORE.test(text.slice(Math.max(0, use.start - 12), use.start)));
  return capitalised.every((use) =>
    isAgency(use.written) || nameGoesOn(text.slice(use.end, use.end + 24)) || NAME_BEFORE.test(text.slice(Math.max(0, use.start - 24), use.start)) || inListOfNames(text, use) || (generic && use.form.split(/\s+/).length >= 3));
}

const ACRONYM_AFTER = /^[ \t]*\(\s*[A-Z][A-Za-z]*[A-Z]s?\s*\)/;

/** The capitals are part of a longer name: "… (MACA)", "… & Disabilities team", "… team". */
function nameGoesOn(after: string): boolean {
  if (ACRONYM_AFTER.test(after) || /^[ \t]*&[ \t]*[A-Z]/.test(after)) return true;
  const next = /^[ \t]+([a-z-]+)/.exec(after);
  return next !== null && isNameHead(next[1]);
}
/** The capitals end a longer name: "Health & Social Care". */
const NAME_BEFORE = /[A-Z][\w’'-]*[ \t]*&[ \t]*$/;
const GENERIC_BEFORE = /(?:^|[^A-Za-z])(?:a|an|each|every|any|another|one)\s+$/i;

/** "GPs, Social Care, Sirona": one of a list of names, each capitalised. */
const inListOfNames = (text: string, use: CapitalUse): boolean =>
  /[A-Z][\w’'&-]*,[ \t]*$/.test(text.slice(Math.max(0, use.start - 30), use.start)) && /^,[ \t]*[A-Z]/.test(text.slice(use.end, use.end + 4));

/** Does a phrase mix capitals and lower case in its own words ("Core group", "out of County")? */
export function mixedCapitals(form: string): boolean {
  const words = form.split(/\s+/).filter((word) => !NAME_JOINERS.has(word) && /^[A-Za-z]/.test(word));
  return words.some((word) => /^[A-Z]/.test(word)) && words.some((word) => /^[a-z]/.test(word));
}
