import { acronymKeys, findDefinitions, isAcronymToken } from '../core/analysis/acronyms';
import type { DocumentModel } from '../core/types';

/** An acronym the report spells out itself, in prose or in a glossary table. */
export interface DocumentDefinition {
  keys: string[];
  expansion: string;
  /** Offset in the model's text. */
  start: number;
}

/** Rows of tables under a glossary heading: first cell the acronym, second its expansion. */
function glossaryRows(model: DocumentModel): DocumentDefinition[] {
  const rows: DocumentDefinition[] = [];
  for (const section of model.sections) {
    if (!section.effectiveIds.includes('glossary')) continue;
    for (const node of section.nodes) {
      if (node.type !== 'table') continue;
      for (const row of node.children.slice(1)) {
        const [first, second] = row.children.map((cell) => {
          const start = cell.position?.start.offset ?? 0;
          return { start, text: model.prose.slice(start, cell.position?.end.offset ?? start).replace(/\s+/g, ' ').trim() };
        });
        if (first && second?.text && isAcronymToken(first.text)) rows.push({ keys: acronymKeys(first.text), expansion: second.text, start: first.start });
      }
    }
  }
  return rows;
}

export function documentDefinitions(model: DocumentModel): DocumentDefinition[] {
  const inProse = findDefinitions(model.prose).map((d) => ({ keys: d.keys, expansion: d.expansion, start: d.start }));
  return [...inProse, ...glossaryRows(model)].sort((a, b) => a.start - b.start);
}
