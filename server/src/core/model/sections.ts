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

const matchers: Matcher[] = SECTION_IDS.flatMap((id) =>
  sectionData[id].synonyms.map((synonym) => ({
    id,
    whole: new RegExp(`^(?:${synonym})$`),
    prefix: new RegExp(`^(?:${synonym})(?=[\\s:/&-]|$)`),
  })),
);

function unique(ids: SectionId[]): SectionId[] {
  return SECTION_IDS.filter((id) => ids.includes(id));
}

/**
 * Classify a heading to canonical section ids. The whole heading is tried first
 * ("The audit findings remind us that"); then each part of a compound heading
 * ("Areas for development / Good practice", "Case selection and grade"), by whole or leading match.
 */
export function classifyHeading(text: string): SectionId[] {
  return [...classifyRemembered(text)];
}

/** Remembered per heading text while an editor lints successive versions: a long report has thousands of headings. */
const classifyRemembered = memoByText(classify);

function classify(text: string): SectionId[] {
  const normalised = normaliseHeading(text).replace(/[?!.]+$/, '');
  if (!normalised) return [];
  const whole = matchers.filter((m) => m.whole.test(normalised)).map((m) => m.id);
  if (whole.length > 0) return unique(whole);
  const parts = normalised.split(/\s*(?:\/|&|:|\band\b| - )\s*/).filter(Boolean);
  const found: SectionId[] = [];
  for (const part of parts) {
    const exact = matchers.filter((m) => m.whole.test(part)).map((m) => m.id);
    if (exact.length > 0) {
      found.push(...exact);
      continue;
    }
    found.push(...matchers.filter((m) => m.prefix.test(part)).map((m) => m.id));
  }
  return unique(found);
}

const titleCues: { id: SectionId; pattern: RegExp }[] = SECTION_IDS.flatMap((id) => {
  const cues = (sectionData[id] as { titleCues?: string[] }).titleCues ?? [];
  return cues.map((cue) => ({ id, pattern: new RegExp(`^(?:${cue})\\b`) }));
});

/** What a report's title says the whole report is: "Key messages from the neglect audit" is its learning. */
export function idsImpliedByTitle(title: string): SectionId[] {
  const normalised = normaliseHeading(title);
  return unique(titleCues.filter((cue) => cue.pattern.test(normalised)).map((cue) => cue.id));
}
