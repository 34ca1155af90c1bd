import { memoByText, type TextFacts } from '../memo';
import { quasiKindsAtLeast } from '../privacy/quasi-identifiers';
import type { QuasiKind } from '../privacy/quasi-identifiers';
import type { Rule, SectionId } from '../types';

/** A sentence's kinds of detail when they reach the threshold, remembered by its text for each threshold, with or without dates. */
const kindsByOptions = new Map<string, (text: string, facts?: TextFacts) => QuasiKind[]>();

function kindsFinder(threshold: number, ignoreDates: boolean): (text: string, facts?: TextFacts) => QuasiKind[] {
  const key = `${threshold}:${ignoreDates}`;
  let find = kindsByOptions.get(key);
  if (!find) kindsByOptions.set(key, (find = memoByText((sentence) => quasiKindsAtLeast(sentence, threshold, { ignoreDates }))));
  return find;
}

interface Options {
  threshold: number;
}

/** How each detail is named in a message, and how to make it less specific. */
const KINDS: Record<QuasiKind, { label: string; generalise: string }> = {
  age: { label: 'an exact age', generalise: 'an age band ("under 5")' },
  sex: { label: 'the child’s sex', generalise: '"the child"' },
  ethnicity: { label: 'ethnicity, faith, nationality or language', generalise: 'leave it out unless the learning depends on it' },
  condition: { label: 'a health condition or disability', generalise: '"additional health needs"' },
  family: { label: 'family composition', generalise: '"a sibling group" or "a large family"' },
  date: { label: 'an exact date', generalise: 'a season or year' },
  locality: { label: 'a named locality', generalise: '"a rural area" or the partnership area' },
  establishment: { label: 'a named school, nursery or GP practice', generalise: '"the school" or "the GP practice"' },
  event: { label: 'an event that may have been in the news', generalise: 'describe it only as far as the learning needs' },
};

/** Sections whose text is about the audit or points elsewhere, not about a child. */
const NOT_CASE_NARRATIVE: readonly SectionId[] = ['resources', 'glossary'];

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const rule: Rule<Options> = {
  meta: {
    id: 'jigsaw-risk',
    description: 'A sentence that combines three or more details (age, family composition, a date, a place, a named school …) that together could identify a child.',
    category: 'privacy',
    defaultSeverity: 'info',
    fixable: false,
    rationale:
      'An audit looks at a handful of children from one area, so details that are harmless alone can ' +
      'identify a child when combined: the "jigsaw" the Court of Appeal described in Re X and Y [2012] ' +
      'and the "motivated intruder" test of the ICO anonymisation code. Generalise at least one of them. ' +
      'Dates in the methodology are the audit’s own and are not counted.',
    bad: 'A 7-year-old boy, the youngest of five, moved to Oakfield Primary School in March 2023.',
    good: 'A primary-age child from a large family moved school during the year.',
    options: {
      threshold: {
        type: 'integer',
        minimum: 2,
        maximum: 9,
        default: 3,
        description: 'How many different kinds of detail in one sentence are reported.',
      },
    },
  },
  check({ model, options, report }) {
    const withDates = kindsFinder(options.threshold, false);
    const withoutDates = kindsFinder(options.threshold, true);
    for (const sentence of model.sentences) {
      const ids = model.sections[sentence.section]?.effectiveIds ?? [];
      if (ids.some((id) => NOT_CASE_NARRATIVE.includes(id))) continue;
      const kinds = (ids.includes('method') ? withoutDates : withDates)(sentence.text, sentence.facts);
      if (kinds.length === 0) continue;
      const labels = kinds.map((kind) => KINDS[kind].label);
      const advice = kinds.slice(0, 3).map((kind) => KINDS[kind].generalise);
      report({
        start: sentence.start,
        end: sentence.end,
        message:
          `This sentence combines ${list(labels)}. Each is harmless alone, but together they could let someone ` +
          `who knows the area identify the child. Generalise at least one, for example ${list(advice)}.`,
        data: { kinds },
      });
    }
  },
};
