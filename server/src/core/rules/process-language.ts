import { isOutcomeFocused } from '../analysis/markers';
import type { Rule } from '../types';
import { hitData, teach, wordingHits } from './wording';

/** A sentence that sets process against outcome is making the point this rule makes. */
const CONTRAST = /\b(?:rather than|instead of|not the same as|is not (?:enough|an outcome|change)|not (?:just|only|simply|merely|whether))\b/i;

export const rule: Rule = {
  meta: {
    id: 'process-language',
    description: 'Process or output (attended, referred, completed, training, services offered) stated as if it were an outcome.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'A meeting held, a form completed or training attended is an output; what matters is what changed for the child. Reviews should ask "what outcome the services have had on the child, rather than whether the service was delivered". A warning in actions and learning, info elsewhere; a sentence that goes on to say what changes for the child ("so that the child …") is not reported.',
    bad: '- Practitioners to attend neglect training and raise awareness of the toolkit.',
    good: '- After the neglect training, 9 of 10 plans in the re-audit name what must change in the child\'s daily care.',
  },
  check(context) {
    for (const hit of wordingHits(context, ['P'])) {
      if (isOutcomeFocused(hit.sentence) || CONTRAST.test(hit.sentence)) continue;
      const weighty = hit.action !== undefined || (hit.section?.effectiveIds.includes('learning') ?? false);
      context.report({
        start: hit.start,
        end: hit.end,
        message: teach(hit, 'Process, not outcome:'),
        demote: !weighty,
        data: hitData(hit),
      });
    }
  },
};
