import type { Paragraph, PhrasingContent } from 'mdast';
import type { Rule } from '../types';

const MIN_CAPS_LETTERS = 8;

function isAllCaps(title: string): boolean {
  const letters = title.replace(/[^\p{L}]/gu, '');
  return letters.length >= MIN_CAPS_LETTERS && letters === letters.toUpperCase() && /\s/.test(title.trim()) && letters !== letters.toLowerCase();
}

export const rule: Rule = {
  meta: {
    id: 'heading-structure',
    description: 'One H1, no skipped heading levels, no ALL-CAPS headings, no bold lines used as headings.',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Screen-reader users move through a document by its headings, and audit-lint finds sections by them. Skipped levels, bold text standing in for headings and ALL-CAPS text (read letter by letter by some screen readers, and slower for everyone) break both.',
    bad: '# Report\n\n### 2.0 AUDIT METHODOLOGY\n\n**Findings**',
    good: '# Report\n\n## 2.0 Audit methodology\n\n## Findings',
  },
  check({ model, report }) {
    let previousDepth = 0;
    let h1Seen = false;
    for (const section of model.sections) {
      const at = { start: section.start, end: section.headingEnd };
      if (section.depth === 1) {
        if (h1Seen) report({ ...at, message: `More than one top-level heading: "${section.title}". A report has one title (# …); make the other headings level 2 (## …).` });
        h1Seen = true;
      }
      if (previousDepth > 0 && section.depth > previousDepth + 1) {
        report({ ...at, message: `Heading level jumps from ${previousDepth} to ${section.depth} at "${section.title}". Use level ${previousDepth + 1} (${'#'.repeat(previousDepth + 1)}) so the outline nests properly.` });
      }
      previousDepth = section.depth;
      // A plain line standing for a heading keeps the form of the document it came from.
      if (!section.plain && isAllCaps(section.title)) {
        report({ ...at, message: `Heading "${section.title}" is in capitals. Write headings in sentence case: capitals are harder to read and some screen readers spell them out.` });
      }
    }
    for (const node of model.tree.children) {
      if (node.type !== 'paragraph') continue;
      const paragraph = node as Paragraph;
      const only = onlyVisibleChild(paragraph);
      if (!only || (only.type !== 'strong' && only.type !== 'emphasis')) continue;
      const start = paragraph.position?.start.offset ?? 0;
      const end = paragraph.position?.end.offset ?? 0;
      const text = model.prose.slice(start, end).trim();
      const words = text.split(/\s+/).length;
      if (words > 10 || /[.,;]$/.test(text) || text.includes('\n')) continue;
      report({ start, end, message: `"${text}" is bold text standing in for a heading. Use a Markdown heading (## ${text.replace(/:$/, '')}) so it appears in the outline and screen readers can jump to it.` });
    }
  },
};

/** The one child of a paragraph that shows (not HTML, not blank text), if it has exactly one. */
function onlyVisibleChild(paragraph: Paragraph): PhrasingContent | undefined {
  let only: PhrasingContent | undefined;
  for (const child of paragraph.children) {
    if (child.type === 'html' || (child.type === 'text' && child.value.trim() === '')) continue;
    if (only) return undefined;
    only = child;
  }
  return only;
}
