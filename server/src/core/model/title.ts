import type { Root } from 'mdast';
import type { DocumentModel, FrontMatter, Section } from '../types';
import type { PlainHeadings } from './plain-headings';
import { endOf, startOf } from './tree';

/** The report's title: its first H1, else the front matter's `title`, else a plain first line standing for one. */
export function findTitle(tree: Root, sections: Section[], frontMatter: FrontMatter | null, plain: PlainHeadings): DocumentModel['title'] {
  const firstH1 = sections.find((s) => s.depth === 1);
  if (firstH1) return { text: firstH1.title, start: firstH1.start, end: firstH1.headingEnd };
  const fmTitle = frontMatter?.data?.title;
  if (typeof fmTitle === 'string' && frontMatter) return { text: fmTitle, start: frontMatter.start, end: frontMatter.end };
  const firstLine = plain.title !== undefined ? tree.children.find((n) => n.type !== 'yaml') : undefined;
  return firstLine && plain.title ? { text: plain.title, start: startOf(firstLine), end: endOf(firstLine) } : null;
}
