import type { Root, RootContent } from 'mdast';
import type { Section } from '../types';
import type { PlainHeadings } from './plain-headings';
import { classifyHeading, idsImpliedByTitle } from './sections';
import { endOf, plainText, startOf } from './tree';

const HEADING_NUMBER = /^\s*(\d+(?:\.\d+)*)[.)]?(?=\s)/;

/**
 * The sections: each top-level heading (or plain line standing for one) opens a section whose
 * content runs to the next heading of any depth; blocks before the first heading are the preamble.
 */
export function buildSections(tree: Root, prose: string, plain: PlainHeadings): { sections: Section[]; preamble: RootContent[] } {
  const sections: Section[] = [];
  const preamble: RootContent[] = [];
  const hasSubheadings = plain.headings.size > 0 || tree.children.some((n) => n.type === 'heading' && n.depth > 1);
  for (const node of tree.children) {
    const heading = node.type === 'heading' ? node : plain.headings.get(node);
    if (heading) {
      const title = plainText(prose, heading);
      let parent: number | undefined;
      for (let i = sections.length - 1; i >= 0; i--) {
        if (sections[i].depth < heading.depth) {
          parent = i;
          break;
        }
      }
      // The first heading is the report's title, not a section, when it is an H1 above deeper headings.
      const isTitle = sections.length === 0 && heading.depth === 1 && hasSubheadings;
      const ids = isTitle ? [] : classifyHeading(title);
      const inherited = parent !== undefined ? sections[parent].effectiveIds : [];
      sections.push({
        index: sections.length,
        heading,
        depth: heading.depth,
        title,
        number: HEADING_NUMBER.exec(title)?.[1] ?? plain.numbers.get(node),
        plain: heading !== node,
        ids,
        impliedIds: isTitle ? idsImpliedByTitle(title) : [],
        effectiveIds: ids.length > 0 ? ids : inherited,
        parent,
        start: startOf(heading),
        end: endOf(heading),
        headingEnd: endOf(heading),
        subtreeEnd: endOf(heading),
        nodes: [],
      });
    } else if (node.type !== 'yaml') {
      const current = sections[sections.length - 1];
      if (current) {
        current.nodes.push(node);
        current.end = endOf(node);
      } else {
        preamble.push(node);
      }
    }
  }
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i];
    section.subtreeEnd = Math.max(section.subtreeEnd, section.end);
    if (section.parent !== undefined) {
      const parent = sections[section.parent];
      parent.subtreeEnd = Math.max(parent.subtreeEnd, section.subtreeEnd);
    }
  }
  return { sections, preamble };
}
