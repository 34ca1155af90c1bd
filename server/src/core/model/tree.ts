import type { Nodes } from 'mdast';

export type AnyNode = Nodes;

export function startOf(node: AnyNode): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: AnyNode): number {
  return node.position?.end.offset ?? 0;
}

export function childrenOf(node: AnyNode): AnyNode[] {
  return 'children' in node ? (node.children as AnyNode[]) : [];
}

/** Source text of a node's prose (text nodes only), as a plain string. */
export function plainText(prose: string, node: AnyNode): string {
  return prose.slice(startOf(node), endOf(node)).replace(/\s+/g, ' ').trim();
}

