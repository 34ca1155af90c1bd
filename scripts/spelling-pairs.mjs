// Derives American → British spelling pairs from two Hunspell dictionaries built from SCOWL
// (wordlist.aspell.net): `dictionary-en` (en-US) and `dictionary-en-gb` (en-GB, -ise spelling).
// A word only the American dictionary accepts is paired with a word only the British one
// accepts when one or two of the regular American/British spelling correspondences turn one into
// the other. Nothing is listed by hand except the few words that are right in British English
// too (ACCEPTED below, each with its reason).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The regular correspondences, American → British (facts of English spelling, not word lists),
 * with how many letters must come before and after the changed letters for it to be a suffix
 * ("prize" is not pr + -ize) or a medial vowel rather than an ending, and whether a consonant must
 * come just before (centre, fibre, but not "costumier").
 */
export const CORRESPONDENCES = [
  ['iz', 'is', { before: 3 }], // organize → organise
  ['yz', 'ys'], // analyze → analyse
  ['or', 'our'], // behavior → behaviour
  ['er', 're', { before: 3, afterConsonant: true }], // center → centre
  ['ered', 'red'], // centered → centred
  ['ering', 'ring'], // centering → centring
  ['og', 'ogue'], // catalog → catalogue
  ['ense', 'ence'], // defense → defence
  ['l', 'll'], // traveled → travelled, counselor → counsellor
  ['ll', 'l'], // fulfill → fulfil, enrollment → enrolment
  ['p', 'pp'], // worshiped → worshipped
  ['e', 'ae', { after: 2 }], // pediatric → paediatric
  ['e', 'oe', { after: 2 }], // estrogen → oestrogen
  ['dgm', 'dgem'], // acknowledgment → acknowledgement
  ['ging', 'geing'], // aging → ageing
  ['o', 'ou'], // mold → mould
  ['ow', 'ough'], // plow → plough
  ['a', 'e'], // gray → grey
  ['k', 'c'], // skeptic → sceptic
  ['c', 's'], // practiced → practised
  ['i', 'e'], // artifact → artefact
  ['am', 'amme'], // kilogram → kilogramme
  ['et', 'ette'], // omelet → omelette
];

/**
 * Words only the American dictionary has that are right in British English too, so not reported
 * (with every word that starts with them).
 */
export const ACCEPTED = {
  judgment: 'the spelling of a court\'s or a panel\'s formal decision in British legal usage, and an accepted variant elsewhere',
  fetus: 'the spelling British medical writing uses (BMJ, NICE, RCOG)',
  fetal: 'the spelling British medical writing uses (BMJ, NICE, RCOG)',
  dialog: 'a dialog box in software',
  analog: 'analog (not digital) in technology',
  disk: 'a computer disk',
};

/**
 * Words both dictionaries accept because they are right in one sense, which British English spells
 * differently in another: reported only where no word nearby points to the sense both share.
 */
export const SENSES = {
  program: {
    british: 'programme',
    reason: 'a plan of work or a series of sessions is a programme in British English; a computer program is a program in both',
    unlessNear: 'computers?|software|apps?|code|coding|digital|online|websites?|databases?|spreadsheets?|algorithms?|systems?|devices?|laptops?|tablets?|install(?:ed|s)?',
  },
};

function parseAffixes(text) {
  const rules = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const parts = lines[i].trim().split(/\s+/);
    if ((parts[0] !== 'PFX' && parts[0] !== 'SFX') || parts.length !== 4) continue;
    const [kind, flag, cross, count] = parts;
    const entries = lines.slice(i + 1, i + 1 + Number(count)).map((line) => {
      const [, , strip, add, condition] = line.trim().split(/\s+/);
      return {
        strip: strip === '0' ? '' : strip,
        add: add === '0' ? '' : add,
        condition: new RegExp(kind === 'SFX' ? `${condition}$` : `^${condition}`),
      };
    });
    rules.set(flag, { suffix: kind === 'SFX', cross: cross === 'Y', entries });
    i += Number(count);
  }
  return rules;
}

function applyAffix(rule, word) {
  const out = [];
  for (const { strip, add, condition } of rule.entries) {
    if (!condition.test(word)) continue;
    if (rule.suffix && word.endsWith(strip)) out.push(word.slice(0, word.length - strip.length) + add);
    if (!rule.suffix && word.startsWith(strip)) out.push(add + word.slice(strip.length));
  }
  return out;
}

/** Every word form a Hunspell dictionary accepts (its stems with their affixes). */
export function expandDictionary(aff, dic) {
  const rules = parseAffixes(aff);
  const words = new Set();
  for (const line of dic.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const slash = line.indexOf('/');
    const stem = slash < 0 ? line : line.slice(0, slash);
    const flags = slash < 0 ? [] : [...line.slice(slash + 1)].map((flag) => rules.get(flag)).filter(Boolean);
    words.add(stem);
    const suffixed = flags.filter((r) => r.suffix).flatMap((r) => applyAffix(r, stem).map((word) => ({ word, cross: r.cross })));
    for (const { word } of suffixed) words.add(word);
    for (const prefix of flags.filter((r) => !r.suffix)) {
      for (const word of applyAffix(prefix, stem)) words.add(word);
      if (prefix.cross) for (const s of suffixed) if (s.cross) for (const word of applyAffix(prefix, s.word)) words.add(word);
    }
  }
  return words;
}

function variants(word) {
  const out = [];
  for (const [from, to, { before = 0, after = 0, afterConsonant = false } = {}] of CORRESPONDENCES) {
    for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
      if (afterConsonant && /[aeiouy]/.test(word[i - 1] ?? 'a')) continue;
      if (i >= before && word.length - i - from.length >= after) out.push(word.slice(0, i) + to + word.slice(i + from.length));
    }
  }
  return out;
}

export function loadDictionary(name) {
  const folder = dirname(fileURLToPath(import.meta.resolve(name)));
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  return { version, words: expandDictionary(readFileSync(join(folder, 'index.aff'), 'utf8'), readFileSync(join(folder, 'index.dic'), 'utf8')) };
}

/**
 * Pairs of lower-case words, grouped into families that share a changed stem:
 * "organiz organis e ed es ing ation ations" stands for organize → organise, organized → organised …
 */
export function derivePairs(american, british) {
  const pairs = [];
  for (const us of american) {
    // Proper names and possessives are left out: a capital is read as a name, "'s" is stripped before lookup.
    if (british.has(us) || us !== us.toLowerCase() || /['’]/.test(us)) continue;
    if (Object.keys(ACCEPTED).some((word) => us.startsWith(word))) continue;
    const onlyBritish = (word) => british.has(word) && !american.has(word);
    let found = [...new Set(variants(us).filter(onlyBritish))];
    if (found.length === 0) found = [...new Set(variants(us).flatMap(variants))].filter(onlyBritish);
    // Two candidates mean the correspondence is not clear: say nothing.
    if (found.length === 1) pairs.push([us, found[0]]);
  }
  const families = new Map();
  for (const [us, gb] of pairs) {
    let prefix = 0;
    while (prefix < us.length && us[prefix] === gb[prefix]) prefix++;
    let suffix = 0;
    while (suffix < us.length - prefix && suffix < gb.length - prefix && us[us.length - 1 - suffix] === gb[gb.length - 1 - suffix]) suffix++;
    const key = `${us.slice(0, us.length - suffix)} ${gb.slice(0, gb.length - suffix)}`;
    const endings = families.get(key) ?? [];
    endings.push(us.slice(us.length - suffix));
    families.set(key, endings);
  }
  const word = (text) => text || '-';
  return [...families]
    .map(([key, endings]) => [...key.split(' '), ...endings.sort()].map(word).join(' '))
    .sort();
}

/** Sense pairs with the endings both forms take ("program", "programs"), checked against the dictionaries. */
export function deriveSenses(american, british) {
  return Object.entries(SENSES).map(([us, { british: gb, reason, unlessNear }]) => {
    if (!american.has(us) || !british.has(us) || american.has(gb) || !british.has(gb)) {
      throw new Error(`"${us}" must be in both dictionaries and "${gb}" only in the British one`);
    }
    const endings = ['', 's', 'd', 'ed', 'ing'].filter((ending) => british.has(gb + ending) && american.has(us + ending) && !american.has(gb + ending));
    return { family: [us, gb, ...endings.map((ending) => ending || '-')].join(' '), reason, unlessNear };
  });
}

/** The data file's content. */
export function spellingData() {
  const us = loadDictionary('dictionary-en');
  const gb = loadDictionary('dictionary-en-gb');
  return {
    source: `Derived by scripts/spelling-pairs.mjs from the Hunspell dictionaries dictionary-en ${us.version} (en-US) and dictionary-en-gb ${gb.version} (en-GB, -ise), which are built from SCOWL (wordlist.aspell.net).`,
    licence: 'SCOWL and the Hunspell dictionaries built from it: MIT AND BSD (copyright Kevin Atkinson and others; see the dictionary packages\' licence files). This file is generated: do not edit it, run npm run spelling.',
    format: 'Each family is "americanStem britishStem ending …": each stem plus each ending gives a pair; "-" stands for nothing.',
    accepted: ACCEPTED,
    families: derivePairs(us.words, gb.words),
    senses: deriveSenses(us.words, gb.words),
  };
}

// Run directly: write the data file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { writeFileSync } = await import('node:fs');
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'core', 'data', 'uk-spelling.json');
  const data = spellingData();
  writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${data.families.length} families to ${out}`);
}
