import type { Rule } from '../types';
import { links } from './walk';

const VAGUE = /^(?:(?:please )?click(?: here| this| for more| to (?:read|find out|view|see)(?: more)?)?|here|read more|more|more info(?:rmation)?|find out more|this|this link|link|learn more|see here|go here)[.!:]?$/i;
const URL = /^(?:https?:\/\/|www\.|mailto:)\S*$/i;

export const rule: Rule = {
  meta: {
    id: 'link-text',
    description: 'Link text names the destination: not "click here", "here", "read more", or a bare address.',
    category: 'wording',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Screen-reader users often list a page\'s links on their own, out of context, where "click here" says nothing. Public sector websites must meet WCAG 2.2 AA, which asks that the purpose of each link be clear from its text.',
    bad: 'For the neglect toolkit, [click here](https://example.org/neglect).',
    good: 'Read the [neglect toolkit for practitioners](https://example.org/neglect).',
  },
  check({ model, report }) {
    for (const { link, start, end, text } of links(model)) {
      if (VAGUE.test(text) || /^click\b/i.test(text)) {
        report({ start, end, message: `Link text "${text}" does not say where the link goes. Name the destination, e.g. "[neglect toolkit for practitioners](…)".`, data: { text } });
      } else if (URL.test(text) || (text !== '' && text === link.url)) {
        report({ start, end, message: 'The link text is a bare web address. Write what the reader will find there instead, e.g. "[neglect screening tool](…)", so the link makes sense when read on its own.', data: { text } });
      }
    }
  },
};
