import type { Rule, SectionId } from '../types';
import { outlineSections, sectionName } from './util';

/** Findings, strengths and areas for development are often split into several themed sections. */
const REPEATABLE: SectionId[] = ['findings', 'strengths', 'development'];

export const rule: Rule = {
  meta: {
    id: 'duplicate-section',
    description: 'The same canonical section does not appear twice at the same level.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Two methodology or two action sections split what the reader needs in one place, and often mean a template section was pasted twice.',
    bad: '## Actions\n…\n## Next steps\n…',
    good: '## Actions\n…',
  },
  check({ model, report }) {
    const seen = new Map<string, { title: string; line: number; position: number }>();
    outlineSections(model).forEach((section, position) => {
      for (const id of section.ids) {
        if (REPEATABLE.includes(id)) continue;
        const key = `${section.depth}:${id}`;
        const first = seen.get(key);
        // Consecutive sections with different headings ("Audit methodology" then "The audit") are one topic told in two parts.
        if (first && first.position === position - 1 && first.title.toLowerCase() !== section.title.toLowerCase()) {
          seen.set(key, { ...first, position });
        } else if (first) {
          report({
            start: section.start,
            end: section.headingEnd,
            message: `"${section.title}" is a second ${sectionName(id)} section ("${first.title}" is at line ${first.line}). Merge them so the reader finds everything in one place.`,
            data: { section: id },
          });
        } else {
          seen.set(key, { title: section.title, line: model.lines.position(section.start).line, position });
        }
      }
    });
  },
};
