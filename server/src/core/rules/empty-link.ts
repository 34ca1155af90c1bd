import type { Rule } from '../types';
import { links } from './walk';

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
    for (const { link, start, end, text } of links(model)) {
      if (link.url.trim() !== '' && link.url.trim() !== '#') continue;
      report({ start, end, message: `Link "${text}" has no target${link.url.trim() === '#' ? ' ("#")' : ''}. Add the address, or remove the link and keep the text.`, data: { text } });
    }
  },
};
