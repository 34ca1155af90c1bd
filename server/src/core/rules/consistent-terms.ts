import agencyData from '../data/agencies.json';
import { isAllowed } from '../analysis/allowed';
import { lookupAcronym } from '../analysis/acronyms';
import { escapeRegExp, literalPattern } from '../analysis/lexicon';
import { capitalGroups, mixedCapitals } from '../analysis/capitals';
import { withCaseOf } from '../analysis/spelling';
import { BOUND_PREFIXES, SPACED_DASH, lowerForm, shapeGroups, spellingKey, termKeys, type SpellingSettings, type TermBlock, type TermUse } from '../analysis/term-shapes';
import { kept, memoByTextIn, memoByTextWith } from '../memo';
import { HAS_APOSTROPHE, HAS_DIGIT, HAS_HYPHEN, STARTS_CAPITAL, type ProseWord } from '../model/words';
import type { BlockKind, DocumentModel, LintSettings, Rule, RuleContext, Vocabulary } from '../types';

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

/** The author's prose block by block, in document order (not block quotes, code or markup). */
interface ProseTerms extends TermBlock {
  kind: BlockKind;
}

function proseTerms(model: DocumentModel, spelling: SpellingSettings): ProseTerms[] {
  const blocks: ProseTerms[] = [];
  model.blocks.forEach((block, index) => {
    const words = model.words[index];
    if (block.quoted || words.length === 0) return;
    const keys = termKeys(block.text, words, spelling, block.facts);
    blocks.push({ text: block.text, facts: block.facts, words, keys, start: block.start, kind: block.kind });
  });
  return blocks;
}

/** A word that may be an acronym or one of its other cases, offsets the block's; `capitals`: written all in capitals. */
interface AcronymCandidate {
  start: number;
  text: string;
  key: string;
  capitals: boolean;
}

/** Words of two to eight letters that start with a capital: letters only, and an apostrophe only as a possessive. */
function acronymCandidates(words: readonly ProseWord[]): readonly AcronymCandidate[] {
  const candidates: AcronymCandidate[] = [];
  for (const word of words) {
    if (!(word.shape & STARTS_CAPITAL) || word.shape & (HAS_HYPHEN | HAS_DIGIT) || word.quoted) continue;
    if (word.shape & HAS_APOSTROPHE && word.lower.length === word.text.length) continue;
    const text = word.shape & HAS_APOSTROPHE ? word.text.slice(0, -2) : word.text;
    if (text.length < 2 || text.length > 8) continue;
    let capitals = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 90) capitals++;
    // A capital only at the start is a word at a sentence start or a name; it counts only beside the acronym.
    if (capitals < 2 && word.sentenceStart) continue;
    candidates.push({ start: word.start, text, key: text.toUpperCase(), capitals: capitals === text.length });
  }
  return kept(candidates);
}

/** A block's candidates, and those written all in capitals, each once: they depend on its words alone, so an edited report reads only the blocks that changed. */
const acronymCandidatesIn = memoByTextWith((_text: string, words: readonly ProseWord[]) => {
  const candidates = acronymCandidates(words);
  return { candidates, capitals: kept([...new Set(candidates.filter((candidate) => candidate.capitals).map((candidate) => candidate.text))]) };
});

/** The candidates of a block that share a key with a word written all in capitals somewhere in the report; remembered while those words stay the same. */
const acronymUsesIn = memoByTextIn((_text: string, { candidates, present }: { candidates: readonly AcronymCandidate[]; present: ReadonlySet<string> }) =>
  kept(candidates.filter((candidate) => present.has(candidate.key))),
);

/** An acronym in two cases: "CYPFS" and "CYPFs", "CAMHS" and "Camhs"; not a plural ("CYPF" and "CYPFs"). */
function acronymGroups(blocks: readonly ProseTerms[], acronyms: Record<string, string>): Map<string, TermUse[]> {
  // Outside headings.
  const running = blocks.filter((block) => block.kind !== 'heading');
  const found = running.map((block) => acronymCandidatesIn(block.text, block.words, block.facts));
  const present = new Set<string>();
  for (const { capitals } of found) for (const text of capitals) present.add(text);
  const groups = new Map<string, TermUse[]>();
  if (present.size === 0) return groups;
  const usesIn = acronymUsesIn(() => [...present].sort().join(','));
  running.forEach((block, index) => {
    for (const { start: offset, text, key } of usesIn(block.text, { candidates: found[index].candidates, present }, block.facts)) {
      const start = block.start + offset;
      const use = { start, end: start + text.length, written: text, form: text };
      const list = groups.get(key);
      if (list) list.push(use);
      else groups.set(key, [use]);
    }
  });
  groups.forEach((uses, key) => {
    // Most acronyms are written one way: nothing to compare.
    if (uses.every((use) => use.form === uses[0].form)) {
      groups.delete(key);
      return;
    }
    // Plurals are not variants: "CYPFs" beside "CYPF".
    const kept = uses.filter((use) => !(/[A-Z]s$/.test(use.form) && present.has(use.form.slice(0, -1))));
    const forms = new Set(kept.map((use) => use.form));
    // An acronym: another form has capitals inside too ("CYPFs") or the acronym is known ("Camhs" beside
    // "CAMHS"). "Plymouth" beside "PLYMOUTH" in a shouted line is not one.
    const acronym = [...forms].some((form) => form !== key && /^.[^A-Z]*[A-Z]/.test(form)) || lookupAcronym(key, acronyms) !== undefined;
    if (!acronym || forms.size < 2) groups.delete(key);
    else groups.set(key, kept);
  });
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
const overlapsReported = (reported: Reported, use: TermUse): boolean => {
  for (const [start, end] of reported) if (start < use.end && use.start < end) return true;
  return false;
};

function reportGroup(context: RuleContext, uses: TermUse[], kind: 'shape' | 'capitals' | 'acronym', configured: string | undefined, reported: Reported): void {
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
      const uses: TermUse[] = [];
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
    for (const [key, uses] of shapeGroups(blocks, model.text, spelling, preferredByKey)) reportGroup(context, uses, 'shape', preferredByKey.get(key), reported);
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
