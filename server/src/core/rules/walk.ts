import type { Link, Nodes } from 'mdast';
import type { DocumentModel } from '../types';

/** Visit every node depth-first without recursion (documents can nest thousands deep). */
export function walk(root: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

export interface LinkSpan {
  link: Link;
  start: number;
  end: number;
  /** The link's visible text on one line. */
  text: string;
}

/** Every link in the document with its range and visible text. */
export function links(model: DocumentModel): LinkSpan[] {
  const found: LinkSpan[] = [];
  walk(model.tree, (node) => {
    if (node.type !== 'link') return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    found.push({ link: node, start, end, text: model.prose.slice(start, end).replace(/\s+/g, ' ').trim() });
  });
  return found;
}
