import type { Link } from 'mdast';
import type { Rule } from '../types';
import { walk } from './walk';

export const rule: Rule = {
  meta: {
    id: 'empty-link',
    description: 'A link has a real target, not an empty one or "#".',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'A link with no target looks clickable but goes nowhere; it is usually a placeholder from a template or a link lost when a document was converted from PDF or Word.',
    bad: 'See the [neglect strategy](#).',
    good: 'See the [neglect strategy](https://example.org/neglect-strategy).',
  },
  check({ model, report }) {
    walk(model.tree, (node) => {
      if (node.type !== 'link') return;
      const link = node as Link;
      if (link.url.trim() !== '' && link.url.trim() !== '#') return;
      const start = link.position?.start.offset ?? 0;
      const end = link.position?.end.offset ?? 0;
      const text = model.prose.slice(start, end).replace(/\s+/g, ' ').trim();
      report({ start, end, message: `Link "${text}" has no target${link.url.trim() === '#' ? ' ("#")' : ''}. Add the address, or remove the link and keep the text.`, data: { text } });
    });
  },
};
