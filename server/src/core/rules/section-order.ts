import type { Rule } from '../types';
import { outlineSections, sectionName } from './util';

export const rule: Rule = {
  meta: {
    id: 'section-order',
    description: 'Sections follow the order the report profile sets.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'A report read in order should explain how the audit was done before what it found, and what was found before what will change. Readers of many reports find their way faster when the order is always the same.',
    bad: '## Actions\n…\n## Methodology\n…',
    good: '## Methodology\n…\n## Actions\n…',
  },
  check({ model, report }) {
    const order = model.profile.definition.order;
    if (order.length === 0) return;
    let furthest: { slot: number; title: string } | undefined;
    for (const section of outlineSections(model)) {
      const slots = section.ids.map((id) => order.findIndex((ids) => ids.includes(id))).filter((i) => i >= 0);
      if (slots.length === 0) continue;
      const slot = Math.min(...slots);
      if (furthest && slot < furthest.slot) {
        const expected = order.map((ids) => sectionName(ids[0])).join(' → ');
        report({
          start: section.start,
          end: section.headingEnd,
          message: `"${section.title}" comes after "${furthest.title}", but a ${model.profile.definition.title.toLowerCase()} runs ${expected}. Move this section up so readers meet it in the usual place.`,
          data: { section: section.ids },
        });
      } else if (!furthest || slot > furthest.slot) {
        furthest = { slot, title: section.title };
      }
    }
  },
};
