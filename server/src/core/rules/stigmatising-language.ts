import type { Rule } from '../types';
import { hitData, teach, wordingHits } from './wording';

export const rule: Rule = {
  meta: {
    id: 'stigmatising-language',
    description: 'Labels that blame children or families ("did not attend", "hard to reach", "disguised compliance", "LAC"), with the better term.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Language shapes how children and families are seen and treated. The NSPCC, TACT and the CSE Taskforce ask professionals to describe what happened instead of labelling: a baby "was not brought" to an appointment; a family has not yet been reached by services; a child is being exploited, not "putting themselves at risk". Labels quoted from records ("described as \'chaotic\'") are not reported. A label inside the name of a policy, group or service ("the DNA Policy", "the Hard to Reach Families Group") is reported one step lower: the author may not be free to rename it, but the name is worth raising with its owner.',
    bad: 'The family was hard to reach and the child did not attend two health appointments.',
    good: 'Services had not yet found a way to reach the family, and the child was not brought to two health appointments.',
  },
  check(context) {
    const hits = wordingHits(context, ['L'], { headings: true, everywhere: true });
    for (const hit of hits) {
      const named = hit.inside === 'name';
      context.report({
        start: hit.start,
        end: hit.end,
        message: named ? `${teach(hit, 'Stigmatising label')} It is part of a name here: raise the name with whoever owns it.` : teach(hit, 'Stigmatising label'),
        demote: named,
        data: hitData(hit),
      });
    }
  },
};
