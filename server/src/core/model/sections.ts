import sectionData from '../data/sections.json';
import { memoByText } from '../memo';
import { normaliseHeading } from '../text';
import { SECTION_IDS, type SectionId } from '../types';

export interface SectionInfo {
  heading: string;
  description: string;
  prompt: string;
}

export const sectionInfo: Record<SectionId, SectionInfo> = sectionData;

interface Matcher {
  id: SectionId;
  whole: RegExp;
  prefix: RegExp;
}

interface SectionData {
  synonyms: string[];
  keywords?: string[];
  titleCues?: string[];
}

const data = sectionData as Record<SectionId, SectionData>;

const matchers: Matcher[] = SECTION_IDS.flatMap((id) =>
  data[id].synonyms.map((synonym) => ({
    id,
    whole: new RegExp(`^(?:${synonym})$`),
    prefix: new RegExp(`^(?:${synonym})(?=[\\s:/&-]|$)`),
  })),
);

/** Words that carry a section's meaning wherever they stand in a heading ("What the audit found"). */
const keywords: { id: SectionId; pattern: RegExp }[] = SECTION_IDS.flatMap((id) =>
  (data[id].keywords ?? []).map((word) => ({ id, pattern: new RegExp(`(?:^|\\s)(?:${word})(?=\\s|$)`) })),
);

function unique(ids: SectionId[]): SectionId[] {
  return SECTION_IDS.filter((id) => ids.includes(id));
}

/** A label in front of the words: "Step 3:", "Part 2 –", "Stage iv." */
const LEADING_LABEL = /^(?:step|part|stage|chapter|theme|section)\s+(?:\d+|[ivx]+|[a-z])\b\s*[:.)-]?\s*/;
/** Words that open a heading without carrying its meaning: "The process", "Our findings". */
const LEAD_IN = /^(?:the|our|a|an|this|these|my|your|some)\s+/;
/**
 * A heading that names the document rather than a part of it: "Early Help Learning Briefing",
 * "Audit report". The document noun is the head of the phrase, not its object ("Purpose of the report").
 */
const DOCUMENT_NAME = /(?<!\b(?:of|to|on|about|for|in|from|with) (?:the |this |our )?)\b(?:briefing|bulletin|newsletter|report|paper)$/;

function matchWhole(text: string): SectionId[] {
  const found = matchers.filter((m) => m.whole.test(text)).map((m) => m.id);
  if (found.length > 0 || !LEAD_IN.test(text)) return found;
  return matchers.filter((m) => m.whole.test(text.replace(LEAD_IN, ''))).map((m) => m.id);
}

function matchPrefix(text: string): SectionId[] {
  const bare = text.replace(LEAD_IN, '');
  return matchers.filter((m) => m.prefix.test(text) || m.prefix.test(bare)).map((m) => m.id);
}

/** One topic of a heading: the whole of it, else each of its parts joined by "and" or "&", else its opening words. */
function matchSegment(segment: string): SectionId[] {
  const whole = matchWhole(segment);
  if (whole.length > 0) return whole;
  const found: SectionId[] = [];
  for (const part of segment.split(/\s*(?:&|\band\b)\s*/).filter(Boolean)) {
    const exact = matchWhole(part);
    found.push(...(exact.length > 0 ? exact : matchPrefix(part)));
  }
  return found.length > 0 ? found : matchPrefix(segment);
}

/** The heading reduced to its words: no numbering, step labels, bracketed numbers or closing punctuation. */
function headingWords(text: string): string {
  const spaced = text
    .replace(/[–—]/g, ' - ')
    .replace(/\(\s*\d+(?:\.\d+)*\s*\)/g, ' ')
    .replace(/[()[\]]/g, ' : ');
  return normaliseHeading(spaced)
    .replace(LEADING_LABEL, '')
    .replace(/[\s:?!.-]+$/, '')
    .replace(/^[\s:-]+/, '');
}

/**
 * Classify a heading to canonical section ids, by the words that carry its meaning. The whole
 * heading is tried first ("The audit findings remind us that"); then each topic of a heading with
 * several ("Themes for learning: exploitation and neglect", "Our findings – what worked well",
 * "Case selection & grading"), by whole or leading match, ignoring step labels, bracketed numbers
 * and a closing colon. A heading that names the document ("Early Help Learning Briefing") is no
 * section; one that matches no synonym counts by the section words it contains ("What the audit found"),
 * unless `byKeyword` is false.
 */
export function classifyHeading(text: string, options: { byKeyword?: boolean } = {}): SectionId[] {
  return [...(options.byKeyword === false ? classifyByNameRemembered(text) : classifyRemembered(text))];
}

/** Remembered per heading text while an editor lints successive versions: a long report has thousands of headings. */
const classifyRemembered = memoByText((text) => classify(text, true));
const classifyByNameRemembered = memoByText((text) => classify(text, false));

function classify(text: string, byKeyword: boolean): SectionId[] {
  const words = headingWords(text);
  if (!words) return [];
  const whole = matchWhole(words);
  if (whole.length > 0) return unique(whole);
  const segments = words.split(/\s*(?::|\/| - )\s*/).filter(Boolean);
  if (DOCUMENT_NAME.test(words) || DOCUMENT_NAME.test(segments[0] ?? '')) return [];
  const found = segments.flatMap(matchSegment);
  if (found.length > 0 || !byKeyword) return unique(found);
  return unique(keywords.filter((k) => k.pattern.test(words)).map((k) => k.id));
}

const titleCues: { id: SectionId; pattern: RegExp }[] = SECTION_IDS.flatMap((id) => {
  const cues = data[id].titleCues ?? [];
  return cues.map((cue) => ({ id, pattern: new RegExp(`^(?:${cue})\\b`) }));
});

/** What a report's title says the whole report is: "Key messages from the neglect audit" is its learning. */
export function idsImpliedByTitle(title: string): SectionId[] {
  const normalised = normaliseHeading(title);
  return unique(titleCues.filter((cue) => cue.pattern.test(normalised)).map((cue) => cue.id));
}
