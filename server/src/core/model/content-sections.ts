import type { Section, SectionId, Sentence } from '../types';
import { describesMethod, methodFactsIn, statesAim } from './method-cues';

/** "The audit found that …", "Key findings …", "In 7 of 12 cases …": a finding said as one. */
const STATES_FINDING =
  /\b(?:(?:the )?(?:audits?|auditors?|panel|review|deep dive|we)\s+(?:also\s+)?(?:found|identified|highlighted|showed|evidenced|observed)\b|(?:key |main )?findings?\b(?! (?:of|from) (?:previous|other|serious|case|national))|it was (?:evident|clear|found|identified|evidenced|apparent)\b|(?:in|for) (?:\d+|[a-z]+) (?:of|out of) (?:the )?\d+ (?:cases|children|families|audits|records|contacts|assessments|plans)\b)/i;

/** "The key learning from this audit is …", "Practitioners need to …": a lesson for practice. */
const STATES_LESSON =
  /\b(?:(?:key )?learning (?:from (?:this|the) audit|for practice|points?)|lessons? (?:learned|learnt|for practice|from (?:this|the) audit)|(?:practitioners|professionals|staff) (?:need to|should|must|are (?:reminded|encouraged|asked) to)|(?:it is|is) (?:important|vital|essential) (?:that|for) (?:practitioners|professionals|staff))\b/i;

const AUDIT_WORD = /\baudit(?:s|ed|ing)?\b/i;
/** A sample drawn on purpose: "chosen at random", "a dip sample", "selected from children on a plan". */
const SAMPLED = /\b(?:random(?:ly)?|at random|(?:dip[- ])?sampled?|purposive(?:ly)?|(?:selected|chosen) (?:at random|from|because|on the basis))\b/i;

interface Passage {
  /** The section credited with what the passage says: the first section for text before any heading. */
  section: Section;
  text: string;
}

/** Each section's own text, and the opening before the first heading credited to the first section. */
function passages(sections: Section[], prose: string): Passage[] {
  if (sections.length === 0) return [];
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
function inferMethod(sections: Section[], prose: string): void {
  let best: { section: Section; facts: number } | undefined;
  for (const { section, text } of passages(sections, prose)) {
    const facts = methodFactsIn(text);
    const audit = AUDIT_WORD.test(text);
    const qualifies = describesMethod(text) || (audit && ((facts.includes('cases') && facts.length >= 2) || SAMPLED.test(text)));
    if (qualifies && (!best || facts.length > best.facts)) best = { section, facts: facts.length };
  }
  if (best) best.section.impliedIds.push('method');
}

/** A section is its content too: the one whose sentences state most findings (or lessons) counts as that section. */
function inferBySentences(sections: Section[], sentences: readonly Sentence[], id: SectionId, states: RegExp): void {
  const counts = new Map<Section, number>();
  for (const sentence of sentences) {
    if (sentence.role === 'question' || sentence.role === 'quotation' || sentence.role === 'definition' || !states.test(sentence.text)) continue;
    const section = sentence.section >= 0 ? sections[sentence.section] : sections[0];
    if (section) counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) best[0].impliedIds.push(id);
}

/**
 * Sections are their content too: a methodology, findings or lessons told under another heading
 * (or none), and an untitled opening that says why the audit was done, count as those sections.
 */
export function inferSectionsByContent(sections: Section[], prose: string, sentences: readonly Sentence[]): void {
  if (!hasId(sections, ['method'])) inferMethod(sections, prose);
  if (!hasId(sections, ['findings', 'strengths', 'development'])) inferBySentences(sections, sentences, 'findings', STATES_FINDING);
  if (!hasId(sections, ['learning'])) inferBySentences(sections, sentences, 'learning', STATES_LESSON);
  if (!hasId(sections, ['context']) && sections.length > 0 && statesAim(prose.slice(0, sections[0].start))) {
    sections[0].impliedIds.push('context');
  }
}
