import { isOutcomeFocused } from '../analysis/markers';
import { auditedCaseCount } from '../model/method-cues';
import type { Rule } from '../types';
import { hitData, teach, wordingHits, type WordingHit } from './wording';

/** Grades in a sentence about grading belong to grading-terms ("graded inadequate" is not vague). */
const GRADE = /^(?:outstanding|good|inadequate|adequate|adequately|satisfactory|requires? improvement)$/i;
const GRADING = /\b(?:grad(?:e|ed|es|ing)|judg(?:e|ed|ement|ements)|rated|rating)\b/i;

/**
 * A test of a whole sentence, remembered for the lint: a long sentence holds many hits, and each
 * hit holds the same sentence string.
 */
function perSentence(test: (sentence: string) => boolean): (sentence: string) => boolean {
  const known = new Map<string, boolean>();
  return (sentence) => {
    let result = known.get(sentence);
    if (result === undefined) known.set(sentence, (result = test(sentence)));
    return result;
  };
}

interface SentenceTests {
  grading: (sentence: string) => boolean;
  prescriptive: (sentence: string) => boolean;
  outcomeFocused: (sentence: string) => boolean;
}

const isGrade = (hit: WordingHit, tests: SentenceTests): boolean => GRADE.test(hit.text) && tests.grading(hit.sentence);

/** The action rules already report a vague time or quality that stands in for a deadline or measure. */
function carriedByActionRule(hit: WordingHit): boolean {
  const { action } = hit;
  if (!action) return false;
  return [action.measure.problemSpan, action.deadline.problemSpan].some((span) => span !== undefined && span.start < hit.end && hit.start < span.end);
}

/** Says what should happen: only there can a hedge, a vague verb, outcome or time stand in for a commitment. */
const PRESCRIPTIVE =
  /\b(?:should|must|needs? to|need for|will|shall|is to|are to|to be|ought to|(?:important|essential|vital|expected|required) to)\b/i;
const COMMITMENT_CATEGORIES = new Set(['H', 'V', 'O', 'T']);
/** Words that open a condition or circumstance, not an instruction. */
const CONDITION = /^(?:where|wherever|when|whenever|if|as|in|at|on|for|with|over|within|by|once|until)\b/i;
/** Qualities that, stated as a finding, are claims without evidence: "responses were timely", "outcomes improved". */
const CLAIMED_QUALITIES = new Set(['timely', 'improved-outcomes', 'positive-change', 'improved-confidence', 'make-a-difference']);

/**
 * "Plans were progressing", "a picture built up over time", "tools to support assessment": outside
 * an action, commitment words in a sentence that describes rather than asks are not weak. An
 * imperative ("Ensure you …") asks.
 */
function descriptive(hit: WordingHit, tests: SentenceTests): boolean {
  if (hit.action || !COMMITMENT_CATEGORIES.has(hit.entry.category)) return false;
  // A finding that a response was "timely" or outcomes "improved" claims a quality it does not show.
  if (hit.role === 'finding' && CLAIMED_QUALITIES.has(hit.entry.id)) return false;
  const lead = /^[\s\d.•·-]*/.exec(hit.sentence)?.[0].length ?? 0;
  // "Consider …" opening a sentence asks; "Where possible, families are invited …" does not.
  const imperative = hit.sentence.slice(lead, lead + hit.text.length).toLowerCase() === hit.text.toLowerCase() && !CONDITION.test(hit.text);
  return !imperative && !tests.prescriptive(hit.sentence);
}

/** A warning only where the words stand for the action itself; info everywhere else. */
function demoted(hit: WordingHit, tests: SentenceTests): boolean {
  if (!hit.action || hit.action.soft) return true;
  // Qualifiers and jargon are matters of style, even in an action.
  if (hit.entry.category === 'Q' || hit.entry.category === 'J') return true;
  // A weak verb inside an action with an owner, a measure and a deadline is acceptable (Leeds SCP).
  return hit.action.smart || tests.outcomeFocused(hit.sentence);
}

export const rule: Rule = {
  meta: {
    id: 'vague-wording',
    description: 'Hedges, vague verbs and qualifiers, vague outcomes and times, and officialese: a warning in actions, info elsewhere.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Words such as "consider", "ensure", "robust", "timely" or "where possible" promise without committing: nobody can later tell whether they were done. In an action they are a warning; elsewhere, and inside an action that already has an owner, a measure and a deadline, they are info. Outside actions, hedges, vague verbs, outcomes and times are reported only where the sentence says what should happen ("should", "must", "needs to", an instruction), not where it describes what happened. Reports that something was "not timely", questions, quoted text, definitions ("… means …", "… is defined as …") and sentences that cite their source ("… (Working Together 2023)") are not reported. A finding that counts without a number ("most practitioners", "in some cases", "it was felt") is info, with the exact form to use out of the cases the methodology counts ("in 3 of 5 cases").',
    bad: '- Consider the use of multi-agency chronologies where possible.',
    good: '- For every child on a plan for neglect, the core group keeps a shared chronology from the first meeting, so that patterns of missed health care are visible.',
  },
  check(context) {
    const cases = auditedCaseCount(context.model);
    const tests: SentenceTests = {
      grading: perSentence((sentence) => GRADING.test(sentence)),
      prescriptive: perSentence((sentence) => PRESCRIPTIVE.test(sentence)),
      outcomeFocused: perSentence(isOutcomeFocused),
    };
    for (const hit of wordingHits(context, ['H', 'V', 'Q', 'O', 'T', 'J'])) {
      // One finding per phrase: "timely" standing in for a deadline is the deadline rule's to report.
      if (isGrade(hit, tests) || descriptive(hit, tests) || carriedByActionRule(hit)) continue;
      context.report({
        start: hit.start,
        end: hit.end,
        message: teach(hit, 'Vague wording', cases),
        demote: demoted(hit, tests),
        data: hitData(hit),
      });
    }
  },
};
