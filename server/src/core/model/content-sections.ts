import type { ProseBlock, Section, SectionId, Sentence, SentenceRole } from '../types';
import { describesMethod, methodFactsIn, statesAim } from './method-cues';

/** "The audit found that …", "Key findings …", "In 7 of 12 cases …": a finding said as one. */
const STATES_FINDING =
  /\b(?:(?:the )?(?:audits?|auditors?|panel|review|deep dive|report|department|we)\s+(?:(?:also|have|has|had)\s+)*(?:been able to\s+)?(?:found|find|identified|identify|highlighted|showed|evidenced|observed)\b|(?:key|main|our|audit) findings?\b|findings?\s+(?:show|showed|shows|indicate|indicated|suggest|suggested|were|are|was|included|include)\b|it was (?:evident|clear|found|identified|evidenced|apparent)\b|(?:in|for) (?:\d+|[a-z]+) (?:of|out of) (?:the )?\d+ (?:cases|children|families|audits|records|contacts|assessments|plans)\b)/i;

/** "The key learning from this audit is …", "Practitioners need to …": a lesson for practice. */
const STATES_LESSON =
  /\b(?:(?:key )?learning (?:from (?:this|the) audit|for practice|points?)|lessons? (?:learned|learnt|for practice|from (?:this|the) audit)|(?:practitioners|professionals|staff) (?:need to|should|must|are (?:reminded|encouraged|asked) to)|(?:it is|is) (?:important|vital|essential) (?:that|for) (?:practitioners|professionals|staff))\b/i;

/** Sentences that state nothing the audit found or learned: its scope, questions, others' words, a timetable. */
const NOT_STATEMENTS: ReadonlySet<SentenceRole> = new Set(['question', 'quotation', 'definition', 'scope', 'schedule', 'speech']);

const AUDIT_WORD = /\baudit(?:s|ed|ing)?\b/i;
/** How the audit is done, said of its tool: "the Chair completes an online audit tool", "the audit collects information from member agencies". */
const METHOD_STATEMENT =
  /\b(?:(?:completes?|completed|submit(?:s|ted)?|uses?|used|returns?|returned)\s+(?:and\s+[a-z]+\s+)?(?:an?\s+|the\s+|their\s+)?(?:online\s+|anonymous\s+)?(?:[\w-]+\s+){0,3}?(?:audit tool|self[- ]assessment|questionnaire|audit template|survey)|(?:audit|we)\s+(?:reviewed|examined|looked at|read)\s+(?:the\s+)?(?:records|files|minutes|case files)\s+of\b|(?:audit tool|self[- ]assessment(?: tool)?)\s+(?:focuses on|covers|asks|collects|is completed|is sent)|collects information from|(?:RAG|self)[- ]rate)\b/i;

/** A sample drawn on purpose: "chosen at random", "a dip sample", "selected from children on a plan". */
const SAMPLED = /\b(?:random(?:ly)?|at random|(?:dip[- ])?sampled?|purposive(?:ly)?|(?:selected|chosen) (?:at random|from|because|on the basis))\b/i;

interface Passage {
  /** The section credited with what the passage says: the first section for text before any heading; none in a document without headings. */
  section: Section | undefined;
  text: string;
}

/** What a passage shows: its section's implied ids, or the document's when it has no headings. */
function credit(section: Section | undefined, documentIds: SectionId[], id: SectionId): void {
  (section ? section.impliedIds : documentIds).push(id);
}

/** Each section's own text, and the opening before the first heading credited to the first section; a document without headings is one passage. */
function passages(sections: Section[], prose: string): Passage[] {
  if (sections.length === 0) return [{ section: undefined, text: prose }];
  const opening = prose.slice(0, sections[0].start);
  return [
    ...(opening.trim() ? [{ section: sections[0], text: opening }] : []),
    ...sections.map((section) => ({ section, text: prose.slice(section.headingEnd, section.end) })),
  ];
}

const hasId = (sections: Section[], ids: readonly SectionId[]) => sections.some((s) => s.ids.some((id) => ids.includes(id)));

/**
 * The method is its facts (how many cases, how chosen, which agencies, which period, how graded,
 * whether families were heard) wherever they are written: the passage that states most of them,
 * with a count or a selection among them, counts as the methodology.
 */
function inferMethod(sections: Section[], prose: string, documentIds: SectionId[]): void {
  let best: { section: Section | undefined; facts: number } | undefined;
  for (const { section, text } of passages(sections, prose)) {
    const facts = methodFactsIn(text);
    const audit = AUDIT_WORD.test(text);
    const qualifies = describesMethod(text) || METHOD_STATEMENT.test(text) || (audit && ((facts.includes('cases') && facts.length >= 2) || facts.length >= 3 || SAMPLED.test(text)));
    if (qualifies && (!best || facts.length > best.facts)) best = { section, facts: facts.length };
  }
  if (best) credit(best.section, documentIds, 'method');
}

/** A section is its content too: the one whose sentences state most findings (or lessons) counts as that section. Lessons are told in prose, not in a table's cells. */
function inferBySentences(sections: Section[], sentences: readonly Sentence[], id: SectionId, states: RegExp, documentIds: SectionId[], blocks: readonly ProseBlock[], inTables: boolean): void {
  const counts = new Map<Section | undefined, number>();
  for (const sentence of sentences) {
    if (NOT_STATEMENTS.has(sentence.role) || (!inTables && blocks[sentence.block].kind === 'tableCell') || !states.test(sentence.text)) continue;
    const section = sentence.section >= 0 ? sections[sentence.section] : sections[0];
    counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) credit(best[0], documentIds, id);
}

/**
 * Sections are their content too: a methodology, findings or lessons told under another heading
 * (or none), and an untitled opening that says why the audit was done, count as those sections.
 * Returns what a document without headings shows by its content.
 */
export function inferSectionsByContent(sections: Section[], prose: string, blocks: readonly ProseBlock[], sentences: readonly Sentence[]): SectionId[] {
  const documentIds: SectionId[] = [];
  if (!hasId(sections, ['method'])) inferMethod(sections, prose, documentIds);
  if (!hasId(sections, ['findings', 'strengths', 'development'])) inferBySentences(sections, sentences, 'findings', STATES_FINDING, documentIds, blocks, true);
  if (!hasId(sections, ['learning'])) inferBySentences(sections, sentences, 'learning', STATES_LESSON, documentIds, blocks, false);
  // The opening is the text before the first heading, or under the title.
  const opening = sections.length === 0 ? prose : prose.slice(0, sections[0].depth === 1 ? sections[0].end : sections[0].start);
  if (!hasId(sections, ['context']) && statesAim(opening)) credit(sections[0], documentIds, 'context');
  return documentIds;
}
