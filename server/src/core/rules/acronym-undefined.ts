import {
  findAcronyms, findDefinitions, isSection, isWellKnown, lookupAcronym, namesItsAct, opensName, sameAcronym, type AcronymUse,
} from '../analysis/acronyms';
import { findWeakWording } from '../analysis/lexicon';
import { kept, memoByText } from '../memo';
import { proseToSearch } from '../model/stretches';
import { identifiersOf } from '../privacy/identifiers';
import type { DocumentModel, Fix, LintSettings, Rule, Section } from '../types';

export interface DocumentDefinition {
  acronym: string;
  expansion: string;
  /** Offset of the acronym in the definition. */
  start: number;
  /** Written in the text ("Full Name (ACR)"), listed in a glossary section, or written out only in a heading or the title. */
  source: 'inline' | 'glossary' | 'heading';
}

const glossaries = new WeakMap<DocumentModel, Section[]>();

function inGlossary(model: DocumentModel, offset: number): boolean {
  let sections = glossaries.get(model);
  if (!sections) {
    sections = model.sections.filter((s) => s.effectiveIds.includes('glossary'));
    glossaries.set(model, sections);
  }
  return sections.some((s) => s.start <= offset && offset < Math.max(s.end, s.headingEnd + 1));
}

/**
 * Readers take a heading as a label, so an acronym written out only there is not defined for the
 * text. Sections are in document order, so the one whose heading could hold an offset is found by halving.
 */
function inHeading(model: DocumentModel, offset: number): boolean {
  const { sections } = model;
  let [low, high] = [0, sections.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sections[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  const section = sections[low - 1];
  return section !== undefined && section.heading !== null && offset < section.headingEnd;
}

/** Rows of a glossary table: the first cell an acronym, the second what it stands for. */
function glossaryTableRows(model: DocumentModel): DocumentDefinition[] {
  const found: DocumentDefinition[] = [];
  for (const section of model.sections) {
    if (!section.effectiveIds.includes('glossary')) continue;
    for (const node of section.nodes) {
      if (node.type !== 'table') continue;
      for (const row of node.children) {
        const [first, second] = row.children.map((cell) => ({
          start: cell.position?.start.offset ?? 0,
          text: model.prose.slice(cell.position?.start.offset ?? 0, cell.position?.end.offset ?? 0).trim(),
        }));
        if (!first || !second || !second.text) continue;
        const use = findAcronyms(first.text)[0];
        if (use && use.text === first.text) {
          found.push({ acronym: use.text, expansion: second.text, start: model.prose.indexOf(use.text, first.start), source: 'glossary' });
        }
      }
    }
  }
  return found;
}

/**
 * Every acronym the report defines: inline ("Full Name (ACR)", "ACR (Full Name)", "Full Name [ACR]",
 * and "ACR – Full Name" or "ACR: Full Name" lines), and in a glossary section's lists and tables.
 */
export function documentDefinitions(model: DocumentModel): DocumentDefinition[] {
  let definitions = definitionsByModel.get(model);
  if (!definitions) definitionsByModel.set(model, (definitions = findDocumentDefinitions(model)));
  return definitions;
}

/** Found once per model: the rule and the editor's hover both ask. Shared, so callers must not change it. */
const definitionsByModel = new WeakMap<DocumentModel, DocumentDefinition[]>();

/** No definition spans an empty line: they are found stretch by stretch, so an edit searches one stretch again. */
const definitionsIn = memoByText((text) => kept(findDefinitions(text)));

function findDocumentDefinitions(model: DocumentModel): DocumentDefinition[] {
  const found: DocumentDefinition[] = glossaryTableRows(model);
  for (const stretch of proseToSearch(model)) {
    for (const definition of definitionsIn(stretch.text, stretch.facts)) {
      const start = stretch.start + definition.acronymStart;
      const glossary = inGlossary(model, start);
      const line = definition.form === 'dash' || definition.form === 'colon';
      // Outside a glossary, "CSC: 4 cases" is a label, not a definition.
      if (line && !glossary && !definition.plausible) continue;
      const source = glossary ? 'glossary' : inHeading(model, start) ? 'heading' : 'inline';
      found.push({ acronym: definition.acronym, expansion: definition.expansion, start, source });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const acronymsIn = memoByText(findAcronyms);

/** Where an acronym is used: in the running text, or in a heading or the title, which a reader meets first but which define nothing. */
interface Use extends AcronymUse {
  place: 'text' | 'heading' | 'title' | 'front-matter';
}

/** A heading in capitals ("1.0 NEGLECT AUDIT") shouts words; only acronyms the report or a glossary knows count there. */
const SHOUTED = /^[^a-z]*$/;

/** The title in front matter ("title: ICPC audit") when the report has no H1 of its own. */
function frontMatterTitleUses(model: DocumentModel): Use[] {
  if (!model.frontMatter || !model.title || model.title.start !== model.frontMatter.start) return [];
  const line = /^title:[ \t]*(.+)$/m.exec(model.text.slice(model.frontMatter.start, model.frontMatter.end));
  if (!line) return [];
  const offset = model.frontMatter.start + line.index + line[0].length - line[1].length;
  return acronymsIn(line[1]).map((use) => ({ ...use, start: offset + use.start, end: offset + use.end, place: 'front-matter' }));
}

/** Acronyms the author uses, in order: running text, headings and the title; not quotations, the glossary or identifiers' pieces. */
function usesOf(model: DocumentModel, known: (use: AcronymUse) => boolean): Use[] {
  const uses: Use[] = frontMatterTitleUses(model);
  // A postcode's halves ("LS6", "2QT") or a number's letters are the identifier's, reported once by anonymisation.
  const identifiers = identifiersOf(model);
  const claimed = (use: AcronymUse) => {
    // Identifiers are sorted and do not overlap: find the last one starting before the use ends.
    let [low, high] = [0, identifiers.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (identifiers[middle].start < use.end) low = middle + 1;
      else high = middle;
    }
    return low > 0 && identifiers[low - 1].end > use.start;
  };
  for (const block of model.blocks) {
    if (block.quoted || inGlossary(model, block.start)) continue;
    const text = block.text;
    const heading = block.kind === 'heading';
    const title = heading && model.title !== null && model.title.start <= block.start && block.end <= model.title.end;
    const shouted = heading && SHOUTED.test(text);
    for (const use of acronymsIn(text, block.facts)) {
      const placed: Use = { ...use, start: block.start + use.start, end: block.start + use.end, place: title ? 'title' : heading ? 'heading' : 'text' };
      if (claimed(placed) || (shouted && !known(placed))) continue;
      uses.push(placed);
    }
  }
  return uses;
}

const PARENTHETICAL_END = /\s*\([^()]*\)\s*$/;

/** The expansion as it reads mid-sentence: sentence-case names lose their capital, proper names keep theirs. */
function expansionAt(model: DocumentModel, use: AcronymUse, { acronym, expansion }: Expansion): string {
  let text = expansion.replace(PARENTHETICAL_END, '').trim();
  let last = use.start - 1;
  while (last >= 0 && /\s/.test(model.prose[last])) last--;
  const sentenceStart = last < 0 || /[.!?:]/.test(model.prose[last]) || /\n\s*$/.test(model.prose.slice(Math.max(0, use.start - 8), use.start));
  const sentenceCase = text.split(/\s+/).slice(1).every((word) => !/^[A-Z][a-z]/.test(word));
  if (sentenceStart) text = text[0].toUpperCase() + text.slice(1);
  else if (sentenceCase && /^[A-Z][a-z]/.test(text)) text = text[0].toLowerCase() + text.slice(1);
  // The use's number decides the expansion's: "GPs" expands to "general practitioners (GPs)", and
  // "RCPC" defined as "review child protection conferences (RCPCs)" to the singular. "CYPFs" is
  // only another spelling of CYPFS.
  if (acronym.toUpperCase() === use.text.toUpperCase()) return text;
  if (isPlural(use.text) && !isPlural(acronym)) return pluralOf(text);
  if (isPlural(acronym) && !isPlural(use.text)) return singularOf(text);
  return text;
}

const isPlural = (acronym: string) => /[A-Z0-9]s$/.test(acronym);

function pluralOf(name: string): string {
  if (/s$/i.test(name)) return name;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  return /(?:x|z|ch|sh)$/i.test(name) ? `${name}es` : `${name}s`;
}

function singularOf(name: string): string {
  if (/[^aeiou]ies$/i.test(name)) return `${name.slice(0, -3)}y`;
  return /[^s]s$/i.test(name) ? name.slice(0, -1) : name;
}

function expansionFix(model: DocumentModel, use: AcronymUse, name: string, where = 'at first use'): Fix | undefined {
  // A possessive ("CSC's") cannot take brackets without rewriting the words around it.
  if (/['’]/.test(model.text[use.end] ?? '')) return undefined;
  return {
    title: `Write out ${use.text} ${where}: "${name} (${use.text})"`,
    edits: [
      { start: use.start, end: use.start, text: `${name} (` },
      { start: use.end, end: use.end, text: ')' },
    ],
  };
}

interface Expansion {
  /** The acronym as the expansion's source spells it. */
  acronym: string;
  expansion: string;
}

/** The one expansion a fix may insert: the report's own, the partnership's, or an unambiguous glossary entry. */
function knownExpansion(use: AcronymUse, own: DocumentDefinition | undefined, settings: LintSettings): Expansion | undefined {
  if (own) return own;
  const entry = lookupAcronym(use.text, settings.vocabulary.acronyms);
  return entry && !entry.ambiguous && entry.senses.length === 1 ? { acronym: entry.acronym, expansion: entry.senses[0] } : undefined;
}

function describe(use: AcronymUse, settings: LintSettings, written: string | undefined): string {
  const entry = lookupAcronym(use.text, settings.vocabulary.acronyms);
  if (!entry && isSection(use.text)) {
    const section = use.text.replace(/^[Ss]\.?\s?/, '');
    return `It refers to section ${section} of an Act the report does not name: write "section ${section} of the [Act and year]" at first use.`;
  }
  if (!entry) return 'No definition found in the report or the glossary. Write it out in full at first use, "Full Name (ACR)", or add it to a Glossary section.';
  const deprecated = entry.deprecated ? ` ${entry.deprecated.reason} ${entry.deprecated.suggestion}` : '';
  const senses = entry.senses.map((sense) => sense.replace(PARENTHETICAL_END, ''));
  if (entry.ambiguous || senses.length > 1) {
    const meanings = senses.length > 1 ? `It has more than one meaning (${senses.join('; ')})` : `It usually means "${senses[0]}" here, but it has other meanings`;
    return `${meanings}: write out the one you mean at first use.${deprecated}`;
  }
  return `It usually means "${senses[0]}": write it out at first use, "${written ?? senses[0]} (${use.text})".${deprecated}`;
}

function firstTextUse(uses: Use[], after: number, of: Use): Use | undefined {
  for (let i = after + 1; i < uses.length; i++) {
    if (uses[i].place === 'text' && sameAcronym(uses[i].text, of.text)) return uses[i];
  }
  return undefined;
}

/** Does an offset lie in the text directly under the heading that holds another (before the next heading)? */
function underHeadingOf(model: DocumentModel, inHeading: number, offset: number): boolean {
  const section = model.sections.find((s) => s.start <= inHeading && inHeading < s.headingEnd);
  return section !== undefined && section.headingEnd <= offset && offset < section.end;
}

export const rule: Rule = {
  meta: {
    id: 'acronym-undefined',
    description: 'Acronyms are written out in full where they are first used, unless they are well known (NHS, GP, UK).',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: true,
    rationale: 'Families, new practitioners and board members do not all know that ICPC, CIN or PRAS mean something; GOV.UK style explains an acronym the first time it is used on a page. Definitions count as "Full Name (ACR)", "ACR (Full Name)", "Full Name [ACR]" or a line "ACR – Full Name"; one only in a Glossary section helps the reader less and is info. The quick fix writes out the expansion from the report, the configured vocabulary or the built-in glossary when there is exactly one, in the number the acronym is used in ("ICPCs" → "initial child protection conferences (ICPCs)"); a plural definition defines the singular too. A title or heading does not define an acronym, even one written out there ("Child Sexual Exploitation (CSE) audit"): one used first in the title or a heading and never written out in the text is reported there, and the fix writes it out where the text first uses it; one written out only in a heading is info at its first use in the text, unless that use is in the text directly under the heading. A heading that uses an acronym the text defines further on is not reported, because readers take a heading as a label and meet the definition in the text. In a heading written in capitals only acronyms the report or a glossary knows count. Quotations and the pieces of personal identifiers (a postcode\'s "LS6" and "2QT") are not checked. Two acronyms in one bracket are both defined by the name before it ("North and West Community Rehabilitation Company (NW CRC)"), and a plural in brackets defines the singular. A title that opens the name of a Crown body ("HM Government", "HMP Leeds") needs no definition. A statute\'s section ("S175", "s.157") is reported unless its Act is named beside it ("s.47 of the Children Act 1989").',
    bad: 'The case was discussed at the ICPC and the CIN plan ended.',
    good: 'The case was discussed at the initial child protection conference (ICPC), and the child in need (CIN) plan ended.',
  },
  check({ model, settings, report }) {
    const allowed = new Set(settings.vocabulary.allow.map((term) => term.trim().toUpperCase()));
    const definitions = documentDefinitions(model);
    const definedHere = (use: AcronymUse) => definitions.some((d) => sameAcronym(d.acronym, use.text));
    const uses = usesOf(model, (use) => definedHere(use) || lookupAcronym(use.text, settings.vocabulary.acronyms) !== undefined);
    // Keys of the acronyms already seen: the same acronym shares a key ("ICPC" and "ICPCs").
    const seen = new Set<string>();
    for (const [index, use] of uses.entries()) {
      if (use.keys.some((key) => seen.has(key))) continue;
      const own = definitions.filter((d) => sameAcronym(d.acronym, use.text));
      const inline = own.find((d) => d.source === 'inline');
      // A heading or title before the text's definition is not a use before it: readers take the
      // heading as a label and meet the definition in the text. A heading that writes the acronym
      // out ("Child Sexual Exploitation (CSE) audit") defines it for nobody. Later uses in the text count.
      if (use.place !== 'text' && (inline || own.some((d) => d.start === use.start))) continue;
      for (const key of use.keys) seen.add(key);
      if (isWellKnown(use.text) || use.keys.some((key) => allowed.has(key))) continue;
      // "HM Government" is a name; "section 47 of the Children Act 1989" says which Act it means.
      if (opensName(use.text, model.prose.slice(use.end, use.end + 3))) continue;
      if (isSection(use.text) && namesItsAct(model.prose, use.start, use.end)) continue;
      // Stigmatising acronyms (LAC, DNA) are reported once, by stigmatising-language.
      if (findWeakWording(use.text, ['L']).length > 0) continue;
      // The acronym inside its own definition is not a use before the definition.
      if (inline && inline.start <= use.start) continue;
      if (own.some((d) => d.start === use.start)) continue;
      // Written out in the heading just above ("Joint Targeted Area Inspection (JTAI)" over its text): the reader has it.
      if (own.some((d) => d.source === 'heading' && underHeadingOf(model, d.start, use.start))) continue;
      const headed = own.find((d) => d.source === 'heading');
      const glossary = headed ?? own.find((d) => d.source === 'glossary');
      // Written out where the text first uses it; a heading or title only when the text never does.
      const target = use.place === 'text' ? use : firstTextUse(uses, index, use) ?? use;
      const expansion = knownExpansion(target, inline ?? glossary, settings);
      const written = expansion && expansionAt(model, target, expansion);
      const inText = target !== use ? `where the text first uses it (line ${model.lines.position(target.start).line})` : undefined;
      const fix = written && target.place !== 'front-matter' ? expansionFix(model, target, written, inText) : undefined;
      const where = use.place === 'text' ? '' : ` (first used in ${use.place === 'heading' ? 'a heading' : 'the title'})`;
      let message: string;
      if (inline) {
        const line = model.lines.position(inline.start).line;
        message = `${use.text} is used before it is defined (line ${line}). Move the definition to its first use: "${written} (${use.text})".`;
      } else if (headed) {
        const line = model.lines.position(headed.start).line;
        message = `${use.text} is written out only in a heading (line ${line}), which readers take as a label${where}. Write it out at first use in the text, "${written} (${use.text})".`;
      } else if (glossary) {
        message = `${use.text} is explained only in the glossary${where}. Readers meet it here first: write it out at first use in the text, "${written} (${use.text})".`;
      } else {
        message = `${use.text} is not defined in this report${where}. ${describe(use, settings, written)}`;
      }
      report({
        start: use.start,
        end: use.end,
        message,
        demote: glossary !== undefined && !inline,
        data: { acronym: use.text, expansion: expansion?.expansion ?? null },
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
