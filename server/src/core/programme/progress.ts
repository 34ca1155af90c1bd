import type { Nodes, Parent, Table } from 'mdast';
import type { ActionItem, DocumentModel } from '../types';

/** Columns an action plan uses to say how an action is going: "Status", "Progress", "RAG", "Update". */
const PROGRESS_COLUMN = /^(?:current\s+)?(?:status|progress|rag\b|rag rating|update|position)/i;
/** The same as a labelled field inside an action: "Status: Complete". */
const PROGRESS_LABEL = /(?<![\p{L}])(?:status|progress|rag(?: rating)?)\s*:\s*([^\n|;]+)/iu;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const offsets = (node: Nodes) => [node.position?.start.offset ?? -1, node.position?.end.offset ?? -1] as const;

function tables(node: Nodes, found: Table[] = []): Table[] {
  if (node.type === 'table') found.push(node);
  else if ('children' in node) for (const child of (node as Parent).children) tables(child, found);
  return found;
}

const tablesByModel = new WeakMap<DocumentModel, Table[]>();

/** The progress cell of a table row holding the action, if its table has a status or progress column. */
function progressCell(model: DocumentModel, item: ActionItem): string | null {
  let all = tablesByModel.get(model);
  if (!all) tablesByModel.set(model, (all = tables(model.tree)));
  const table = all.find((t) => offsets(t)[0] <= item.start && item.start < offsets(t)[1]);
  if (!table) return null;
  const [header, ...rows] = table.children;
  const column = header.children.findIndex((cell) => PROGRESS_COLUMN.test(oneLine(model.prose.slice(...offsets(cell)))));
  const row = rows.find((r) => offsets(r)[0] <= item.start && item.start < offsets(r)[1]);
  const cell = column < 0 ? undefined : row?.children[column];
  const text = cell ? oneLine(model.prose.slice(...offsets(cell))) : '';
  return text === '' ? null : text;
}

/** What a status or progress column (or a "Status:" field) says of an action, as written; null when the report says nothing. */
export function actionProgress(model: DocumentModel, item: ActionItem): string | null {
  if (item.kind === 'tableRow') return progressCell(model, item);
  const label = PROGRESS_LABEL.exec(item.text);
  return label ? oneLine(label[1]).replace(/[.,]$/, '') || null : null;
}
