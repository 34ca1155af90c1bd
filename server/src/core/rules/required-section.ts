import sectionData from '../data/sections.json';
import { sectionInfo } from '../model/sections';
import { sectionSkeleton } from '../skeleton';
import type { DocumentModel, Fix, Rule, SectionId } from '../types';
import { documentAnchor, outlineSections, sectionName } from './util';

function examples(id: SectionId): string {
  const plain = sectionData[id].synonyms.filter((s) => /^[a-z' ]+$/.test(s)).slice(0, 3);
  return plain.map((s) => `"${s[0].toUpperCase()}${s.slice(1)}"`).join(', ');
}

function headingDepth(model: DocumentModel): number {
  const depths = outlineSections(model).map((s) => s.depth);
  if (depths.length === 0) return 2;
  const counts = new Map<number, number>();
  for (const d of depths) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** Where a missing section belongs: before the first outline section that the profile orders after it. */
function insertionPoint(model: DocumentModel, id: SectionId): number {
  const order = model.profile.definition.order;
  const slot = order.findIndex((ids) => ids.includes(id));
  if (slot >= 0) {
    for (const section of outlineSections(model)) {
      const slots = section.ids.map((s) => order.findIndex((ids) => ids.includes(s))).filter((i) => i >= 0);
      if (slots.length > 0 && Math.min(...slots) > slot) return section.start;
    }
  }
  return endOfContent(model);
}

/**
 * The end of the document, unless it ends inside an unclosed code fence or HTML block: a section
 * added after that would be swallowed by it and never found, so it goes before the block instead.
 */
function endOfContent(model: DocumentModel): number {
  const last = model.tree.children[model.tree.children.length - 1];
  const start = last?.position?.start.offset ?? 0;
  if (!last || last.position?.end.offset !== model.text.length) return model.text.length;
  const source = model.text.slice(start);
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source)?.[1];
  const unclosedFence = last.type === 'code' && fence !== undefined && !new RegExp(`(?:\\r\\n|\\r|\\n) {0,3}${fence[0]}{${fence.length},}[ \\t]*(?:\\r\\n|\\r|\\n)?$`).test(source);
  return unclosedFence || last.type === 'html' ? start : model.text.length;
}

function skeletonFix(model: DocumentModel, ids: SectionId[]): Fix {
  const eol = model.lines.eol;
  const depth = headingDepth(model);
  const edits = ids.map((id) => {
    const at = insertionPoint(model, id);
    const body = sectionSkeleton(id, depth, eol);
    if (at < model.text.length) return { start: at, end: at, text: `${body}${eol}` };
    const breaks = (/(?:\r\n|\r|\n)*$/.exec(model.text)?.[0].match(/\r\n|\r|\n/g) ?? []).length;
    const lead = model.text.length === 0 ? '' : eol.repeat(Math.max(0, 2 - breaks));
    return { start: at, end: at, text: `${lead}${body}` };
  });
  return { title: `Insert ${ids.map(sectionName).join(' and ')} section`, edits };
}

const ABOUT_AUDITS =
  'This document reads as a page about audits (a programme, framework or tool) rather than a report of one: it states no method, findings or actions of its own, so this is a note, not an error. If it does report an audit, add the section.';

export const rule: Rule = {
  meta: {
    id: 'required-section',
    description: 'Every section the report profile requires is present.',
    category: 'structure',
    defaultSeverity: 'error',
    fixable: true,
    rationale: 'Readers of audit reports look for the same parts: why the audit was done, how, what it found, what was learned and what will happen next. A missing methodology or action section is the most common reason an audit cannot be trusted or acted on. A section is its content too: a methodology told under "Scope" or in the opening, or findings told in prose, count. A page about audits (a programme, a framework, a tool) that states no method, findings or actions of its own is not read as a report: its missing sections are one note at info.',
    bad: '# Neglect audit\n\n## Findings\n\nPlans were not shared.',
    good: '# Neglect audit\n\n## Background\n…\n## Methodology\n…\n## Findings\n…\n## Key learning\n…\n## Actions\n…',
  },
  check({ model, report }) {
    const present = new Set(model.sections.flatMap((s) => [...s.ids, ...s.impliedIds]));
    const profile = model.profile.definition;
    const anchor = documentAnchor(model);
    for (const requirement of profile.required) {
      if (requirement.some((alternative) => alternative.every((id) => present.has(id)))) continue;
      const partial = requirement.find((alternative) => alternative.some((id) => present.has(id)));
      const missing = (partial ?? requirement[0]).filter((id) => !present.has(id));
      const names = missing.map(sectionName).join(' and ');
      const others = requirement.filter((a) => a !== (partial ?? requirement[0])).map((a) => a.map(sectionName).join(' and '));
      const or = others.length > 0 ? ` (or ${others.join(', or ')})` : '';
      const what = missing.map((id) => `${sectionInfo[id].description}; headings such as ${examples(id)} count`).join('. ');
      const need = `A ${profile.title.toLowerCase()} needs it: ${what}.`;
      // A page about audits is told once that it is not read as a report, not faulted for each part.
      const aboutAudits = model.kind === 'about-audits';
      const note = aboutAudits ? ` ${ABOUT_AUDITS}` : '';
      report({
        ...anchor,
        message: `Missing section: ${names}${or}. ${need}${note}`,
        data: { missing, profile: profile.id, ...(aboutAudits ? { kind: model.kind } : {}) },
        fixes: [skeletonFix(model, missing)],
        advisory: aboutAudits,
        group: {
          key: 'required-section',
          headline: aboutAudits ? 'This reads as a page about audits, not a report of one; a report would need' : 'Missing sections',
          item: `${names}${or}`,
          detail: `${names}${or}: ${need}`,
        },
      });
    }
  },
};
