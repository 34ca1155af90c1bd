import type { DocumentModel, Rule, Section } from '../types';
import { METHOD_FACTS } from '../model/method-cues';
import { sectionProse } from './util';

interface Item {
  id: string;
  label: string;
  hint: string;
  found(text: string, model: DocumentModel): boolean;
}

const ITEMS: Item[] = [
  {
    id: 'cases',
    label: 'how many cases were audited',
    hint: 'e.g. "Six cases were audited"',
    found: (text, model) => METHOD_FACTS.cases(text) || Number.isInteger(model.frontMatter?.data?.cases),
  },
  {
    id: 'selection',
    label: 'how the cases were selected',
    hint: 'e.g. "selected at random from children on a child protection plan for neglect"',
    found: METHOD_FACTS.selection,
  },
  {
    id: 'agencies',
    label: 'which agencies took part',
    hint: 'name them, and any that could not take part',
    found: (text, model) => {
      const agencies = model.frontMatter?.data?.agencies;
      return METHOD_FACTS.agencies(text) || (Array.isArray(agencies) && agencies.length >= 2);
    },
  },
  {
    id: 'dates',
    label: 'when the audit took place and the period of practice reviewed',
    hint: 'e.g. "panel held on 14 March 2025; practice from April to September 2024"',
    found: METHOD_FACTS.dates,
  },
  {
    id: 'grading',
    label: 'the grading scale used (or that cases were not graded)',
    hint: 'e.g. "graded outstanding, good, requires improvement or inadequate"',
    found: METHOD_FACTS.grading,
  },
  {
    id: 'views',
    label: "whether the child's and family's views were sought",
    hint: 'say how, or why not',
    found: (text, model) => METHOD_FACTS.views(text) || model.sections.some((s) => s.ids.includes('voice')),
  },
];

export const rule: Rule = {
  meta: {
    id: 'methodology-detail',
    description: "The methodology states the number of cases, how they were chosen, the agencies, the dates, the grading scale and whether the child's and family's views were sought.",
    category: 'methodology',
    defaultSeverity: 'warning',
    fixable: false,
    rationale: 'Readers can only weigh an audit\'s findings if they know what was looked at: a handful of cases chosen at random says something different from a handful chosen because they went wrong. Most published audit briefings leave out at least one of these facts.',
    bad: '## Methodology\n\nA multi-agency audit of neglect cases was completed.',
    good: '## Methodology\n\nSix cases were selected at random from children on a child protection plan for neglect. Police, health visiting, schools and Children\'s Social Care audited their records between 3 and 14 March 2025 and graded each case outstanding, good, requires improvement or inadequate. Parents in four families were asked for their views.',
  },
  check({ model, report }) {
    const hasMethod = (s: Section) => s.ids.includes('method') || s.impliedIds.includes('method');
    const primary = model.sections.find(hasMethod);
    if (!primary) return;
    // Case selection is often told in the background section, so it counts too.
    const scope = model.sections.filter((s) => hasMethod(s) || s.ids.includes('grading') || s.ids.includes('context'));
    // A methodology told before the first heading is credited to the first section: read it there.
    const opening = model.sections[0]?.impliedIds.includes('method') ? model.prose.slice(0, model.sections[0].start) : '';
    const text = [opening, ...scope.map((s) => (s.impliedIds.length > 0 ? model.prose.slice(s.headingEnd, s.end) : sectionProse(model, s)))].join('\n');
    for (const item of ITEMS) {
      if (item.found(text, model)) continue;
      report({
        start: primary.start,
        end: primary.headingEnd,
        message: `The methodology does not say ${item.label} (${item.hint}).`,
        data: { item: item.id },
        group: { key: `methodology@${primary.start}`, headline: 'The methodology does not say', item: item.label, detail: `It does not say ${item.label} (${item.hint}).` },
      });
    }
  },
};
