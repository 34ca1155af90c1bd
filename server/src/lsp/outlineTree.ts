import type { Nodes, Root } from 'mdast';
import { KEPT_FOR_DISABLE_COMMENTS } from './disableComment';

/**
 * The tree the editor features read, cut down to the top-level blocks and the nodes a disable
 * comment must not land in, as numbers: it crosses threads as one buffer, not node by node, and is
 * rebuilt only when a feature reads it. Per node, in document order (each after its parent): its
 * type (an index into `types`), its position's start and end line, column and offset, and how many
 * children it has (-1 for none, 0 for an empty list).
 */
export interface PackedOutline {
  types: string[];
  nodes: Int32Array;
}

const FIELDS = 8;
/** A node without a position has this start line. */
const NO_POSITION = -1;
const NO_CHILDREN = -1;

/**
 * The top-level blocks, and below them only the nodes a disable comment must not land in, nested as
 * they were (a kept node's kept descendants become its children), packed in one walk of the tree.
 */
export function packOutline(tree: Root): PackedOutline {
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const numbers: number[] = [];
  /** Writes a kept node; the place of its child count, which the walk fills, or -1. */
  const emit = (node: Nodes): number => {
    let type = typeIndex.get(node.type);
    if (type === undefined) typeIndex.set(node.type, (type = types.push(node.type) - 1));
    const position = node.position;
    const hasChildren = 'children' in node;
    numbers.push(
      type,
      position ? position.start.line : NO_POSITION,
      position?.start.column ?? 0,
      position?.start.offset ?? 0,
      position?.end.line ?? 0,
      position?.end.column ?? 0,
      position?.end.offset ?? 0,
      hasChildren ? 0 : NO_CHILDREN,
    );
    return hasChildren ? numbers.length - 1 : -1;
  };
  const rootCount = emit({ type: 'root', position: tree.position, children: [] } as Root);
  // Iterative, in document order: each node with the place of the count its kept ancestor keeps.
  const stack: { node: Nodes; top: boolean; count: number }[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i], top: true, count: rootCount });
  while (stack.length > 0) {
    const { node, top, count } = stack.pop()!;
    let childCount = count;
    if (top || KEPT_FOR_DISABLE_COMMENTS.has(node.type)) {
      numbers[count]++;
      childCount = emit(node);
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], top: false, count: childCount });
    }
  }
  return { types, nodes: Int32Array.from(numbers) };
}

export function unpackOutline({ types, nodes }: PackedOutline): Root {
  const read = (at: number): { node: Nodes; children: number } => {
    const base = at * FIELDS;
    const node = { type: types[nodes[base]] } as Nodes;
    if (nodes[base + 1] !== NO_POSITION) {
      node.position = {
        start: { line: nodes[base + 1], column: nodes[base + 2], offset: nodes[base + 3] },
        end: { line: nodes[base + 4], column: nodes[base + 5], offset: nodes[base + 6] },
      };
    }
    const children = nodes[base + 7];
    if (children !== NO_CHILDREN) (node as { children: Nodes[] }).children = [];
    return { node, children };
  };
  const root = read(0);
  // Parents still taking children, with how many they still take.
  const open: { node: Nodes; left: number }[] = root.children > 0 ? [{ node: root.node, left: root.children }] : [];
  for (let at = 1; at * FIELDS < nodes.length; at++) {
    const parent = open[open.length - 1];
    const { node, children } = read(at);
    (parent.node as { children: Nodes[] }).children.push(node);
    if (--parent.left === 0) open.pop();
    if (children > 0) open.push({ node, left: children });
  }
  return root.node as Root;
}
