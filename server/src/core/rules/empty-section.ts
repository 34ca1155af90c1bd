import type { Rule } from '../types';

export const rule: Rule = {
  meta: {
    id: 'empty-section',
    description: 'A heading has content under it.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'An empty section promises the reader something the report does not give, and is often a template heading left unfilled.',
    bad: '## Voice of the child\n\n## Actions',
    good: '## Voice of the child\n\nTwo of the five children were spoken to by the auditors…',
  },
  check({ model, report }) {
    model.sections.forEach((section, index) => {
      const hasContent = section.nodes.some((node) => node.type !== 'html' && node.type !== 'definition');
      const next = model.sections[index + 1];
      const hasSubsection = next !== undefined && next.parent === index;
      if (hasContent || hasSubsection || section.depth === 1) return;
      report({
        start: section.start,
        end: section.headingEnd,
        message: `Section "${section.title}" is empty. Write what belongs here, or remove the heading if the report does not need it.`,
      });
    });
  },
};
