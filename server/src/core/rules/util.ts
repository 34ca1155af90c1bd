import { sectionInfo } from '../model/sections';
import type { DocumentModel, Section, SectionId } from '../types';

/** Classified sections that are not inside another classified section: the report's own outline. */
export function outlineSections(model: DocumentModel): Section[] {
  return model.sections.filter((section) => {
    if (section.ids.length === 0) return false;
    for (let p = section.parent; p !== undefined; p = model.sections[p].parent) {
      if (model.sections[p].ids.length > 0) return false;
    }
    return true;
  });
}

export function sectionName(id: SectionId): string {
  return sectionInfo[id].heading;
}

/** Range of the whole first line of a document (or its title), where document-level findings go. */
export function documentAnchor(model: DocumentModel): { start: number; end: number } {
  if (model.title) return { start: model.title.start, end: model.title.end };
  return { start: 0, end: model.lines.lineEnd(1) };
}

/** Prose of a section and its subsections. */
export function sectionProse(model: DocumentModel, section: Section): string {
  return model.prose.slice(section.headingEnd, section.subtreeEnd);
}

export function quote(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}
