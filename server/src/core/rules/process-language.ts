import { isOutcomeFocused } from '../analysis/markers';
import { actionAt, summariseActions } from '../actions';
import { findOutput } from '../analysis/outputs';
import { memoByText } from '../memo';
import type { Rule, SentenceRole } from '../types';
import { hitData, sentenceIndexAt, teach, wordingHits } from './wording';

/** A sentence that sets process against outcome is making the point this rule makes. */
const CONTRAST = /\b(?:rather than|instead of|not the same as|is not (?:enough|an outcome|change)|not (?:just|only|simply|merely|whether))\b/i;

/** Sentences that state what happened or was found, where an output can stand in for an outcome. */
const REPORTS_RESULTS: ReadonlySet<SentenceRole> = new Set(['finding', 'learning', 'description', 'commitment']);
/** A sentence's first output, remembered by its text while a report is edited. */
const outputIn = memoByText(findOutput);
const OUTPUT_SUGGESTION = 'Say what changed in practice or for children, and how it was checked: "In the re-audit, 9 of 10 plans named …".';

export const rule: Rule = {
  meta: {
    id: 'process-language',
    description: 'Process or output (attended, referred, completed, training, services offered) stated as if it were an outcome.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'A meeting held, a form completed or training attended is an output; what matters is what changed for the child. Reviews should ask "what outcome the services have had on the child, rather than whether the service was delivered". A sentence that reports only outputs (an event held, learning circulated, audits completed, staff trained, a session found helpful) is reported too. A warning in actions and learning, info elsewhere; a sentence that goes on to say what changes for the child ("so that the child …") is not reported.',
    bad: '- Practitioners to attend neglect training and raise awareness of the toolkit.',
    good: '- After the neglect training, 9 of 10 plans in the re-audit name what must change in the child\'s daily care.',
  },
  check(context) {
    const reported = new Set<number>();
    const actions = summariseActions(context.model, context.settings);
    for (const hit of wordingHits(context, ['P'])) {
      if (isOutcomeFocused(hit.sentence) || CONTRAST.test(hit.sentence)) continue;
      const weighty = hit.action !== undefined || (hit.section?.effectiveIds.includes('learning') ?? false);
      reported.add(sentenceIndexAt(context.model.sentences, hit.start));
      context.report({
        start: hit.start,
        end: hit.end,
        message: teach(hit, 'Process, not outcome:'),
        demote: !weighty,
        data: hitData(hit),
      });
    }
    context.model.sentences.forEach((sentence, index) => {
      if (context.overBudget() || reported.has(index) || !REPORTS_RESULTS.has(sentence.role)) return;
      const output = outputIn(sentence.text, sentence.facts);
      if (!output || isOutcomeFocused(sentence.text) || CONTRAST.test(sentence.text)) return;
      const start = sentence.start + output.start;
      const section = context.model.sections[sentence.section];
      const weighty = actionAt(actions, start) !== undefined || (section?.effectiveIds.includes('learning') ?? false);
      const words = sentence.text.slice(output.start, output.end).replace(/\s+/g, ' ');
      context.report({
        start,
        end: sentence.start + output.end,
        message: `Process, not outcome: "${words}" says what was done, not what changed for children. Better: ${OUTPUT_SUGGESTION}`,
        demote: !weighty,
        data: { term: 'output', category: 'P', suggestion: OUTPUT_SUGGESTION },
      });
    });
  },
};
