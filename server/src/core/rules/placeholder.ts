import type { Rule } from '../types';

const PLACEHOLDER = /\b(?:TODO|TBC|TBD|TBA|FIXME)\b|\bX{2,}\b|\[(?:insert|add|enter|name of|date|month|year|owner|agency)\b[^\]\n]{0,80}\]|\$\{\d+(?::[^}\n]{0,80})?\}|\$\d+\b|<(?:insert|placeholder)[^>\n]{0,80}>|\blorem ipsum\b/g;

export const rule: Rule = {
  meta: {
    id: 'placeholder',
    description: 'No placeholders left in the text: TODO, TBC, TBD, XX, [insert …], unfilled snippet fields.',
    category: 'wording',
    defaultSeverity: 'error',
    fixable: false,
    rationale: 'A published report with "TBC" or "[insert date]" in it tells readers the work is unfinished and hides what was meant to be said. Template prompts written as HTML comments (<!-- … -->) are not reported.',
    bad: 'The re-audit will take place in TBC.',
    good: 'The re-audit will take place in March 2026.',
  },
  check({ model, report }) {
    for (const match of model.prose.matchAll(PLACEHOLDER)) {
      const start = match.index ?? 0;
      report({
        start,
        end: start + match[0].length,
        message: `Placeholder "${match[0]}" left in the report. Fill it in, or remove it, before the report is published.`,
        data: { placeholder: match[0] },
      });
    }
  },
};
