import type { RootContent } from 'mdast';
import type { BlockKind, PartProse, ProseBlock, Section } from '../types';
import { proseFacts } from './prose';
import { type AnyNode, childrenOf, endOf, startOf } from './tree';

/**
 * The prose blocks (headings, paragraphs, list-item paragraphs, table cells) in document order, each
 * with its section (-1 before the first heading) and prose. In an edited report each block's facts
 * are found through its part's prose, so a part that did not change gives its blocks without their
 * texts being cut or looked up again.
 */
export function collectBlocks(sections: Section[], preamble: RootContent[], prose: string, parts?: readonly PartProse[]): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  // Blocks come in document order.
  const factsOfBlock = proseFacts(prose, parts);
  const addBlock = (node: AnyNode, kind: BlockKind, section: number, quoted: boolean) => {
    const start = startOf(node);
    const end = endOf(node);
    const facts = factsOfBlock(start, end);
    blocks.push({ kind, start, end, section, quoted, text: facts?.text ?? prose.slice(start, end), facts });
  };
  // Iterative, in document order: block quotes and lists can nest deeper than the call stack.
  const collect = (root: AnyNode, section: number) => {
    const stack: { node: AnyNode; quoted: boolean; inItem: boolean }[] = [{ node: root, quoted: false, inItem: false }];
    while (stack.length > 0) {
      const { node, quoted, inItem } = stack.pop()!;
      switch (node.type) {
        case 'heading':
          addBlock(node, 'heading', section, quoted);
          break;
        case 'paragraph':
          addBlock(node, inItem ? 'listItem' : 'paragraph', section, quoted);
          break;
        case 'tableCell':
          addBlock(node, 'tableCell', section, quoted);
          break;
        case 'blockquote':
        case 'listItem':
        case 'list':
        case 'table':
        case 'tableRow': {
          const children = childrenOf(node);
          const childQuoted = quoted || node.type === 'blockquote';
          const childInItem = inItem || node.type === 'listItem';
          for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], quoted: childQuoted, inItem: childInItem });
          break;
        }
        default:
          break;
      }
    }
  };
  for (const node of preamble) collect(node, -1);
  for (const section of sections) {
    collect(section.heading!, section.index);
    for (const node of section.nodes) collect(node, section.index);
  }
  return blocks;
}
