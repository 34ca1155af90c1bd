import type { NumberedParagraph, Rule } from '../types';

export const rule: Rule = {
  meta: {
    id: 'numbering',
    description: 'Numbered paragraphs run in sequence, are not repeated and match their section number.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Boards and action trackers cite paragraphs by number ("see 5.4"). A gap, a repeat or a paragraph numbered for another section makes those references point at the wrong text.',
    bad: '## 5.0 Key learning\n\n5.1 …\n\n5.2 …\n\n5.4 …',
    good: '## 5.0 Key learning\n\n5.1 …\n\n5.2 …\n\n5.3 …',
  },
  check({ model, report }) {
    const seen = new Map<string, NumberedParagraph>();
    let previous: NumberedParagraph | undefined;
    for (const paragraph of model.numbered) {
      const at = { start: paragraph.start, end: paragraph.numberEnd, data: { number: paragraph.id } };
      const first = seen.get(paragraph.id);
      if (first) {
        report({ ...at, message: `Paragraph number ${paragraph.id} is used twice (first at line ${model.lines.position(first.start).line}). Renumber so each paragraph can be cited on its own.` });
      } else {
        seen.set(paragraph.id, paragraph);
      }
      const section = model.sections[paragraph.section];
      const major = section?.number ? Number(section.number.split('.')[0]) : undefined;
      if (major !== undefined && paragraph.parts[0] !== major) {
        report({ ...at, message: `Paragraph ${paragraph.id} is in section "${section.title}", so it should be numbered ${major}.x. Renumber it to match its section.` });
      } else if (!first && previous && previous.parts.length === paragraph.parts.length) {
        const samePrefix = previous.parts.slice(0, -1).join('.') === paragraph.parts.slice(0, -1).join('.');
        const last = paragraph.parts[paragraph.parts.length - 1];
        const before = previous.parts[previous.parts.length - 1];
        if (samePrefix && last !== before + 1) {
          const expected = [...paragraph.parts.slice(0, -1), before + 1].join('.');
          report({
            ...at,
            message: last > before + 1
              ? `Paragraph ${paragraph.id} follows ${previous.id}: ${expected}${last > before + 2 ? ' onwards are' : ' is'} missing. Renumber so references to paragraphs stay right.`
              : `Paragraph ${paragraph.id} follows ${previous.id}, out of sequence: expected ${expected}.`,
          });
        }
      }
      previous = paragraph;
    }
  },
};
