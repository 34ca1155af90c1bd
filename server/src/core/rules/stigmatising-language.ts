import type { Rule } from '../types';
import { hitData, teach, wordingHits } from './wording';

export const rule: Rule = {
  meta: {
    id: 'stigmatising-language',
    description: 'Labels that blame children or families ("did not attend", "hard to reach", "disguised compliance", "LAC"), with the better term.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Language shapes how children and families are seen and treated. The NSPCC, TACT and the CSE Taskforce ask professionals to describe what happened instead of labelling: a baby "was not brought" to an appointment; a family has not yet been reached by services; a child is being exploited, not "putting themselves at risk". Labels quoted from records ("described as \'chaotic\'") are not reported.',
    bad: 'The family was hard to reach and the child did not attend two health appointments.',
    good: 'Services had not yet found a way to reach the family, and the child was not brought to two health appointments.',
  },
  check(context) {
    for (const hit of wordingHits(context, ['L'], { headings: true, everywhere: true })) {
      context.report({
        start: hit.start,
        end: hit.end,
        message: teach(hit, 'Stigmatising label'),
        data: hitData(hit),
      });
    }
  },
};
