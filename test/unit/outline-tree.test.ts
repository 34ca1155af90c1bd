import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../server/src/core/parse';
import { KEPT_FOR_DISABLE_COMMENTS } from '../../server/src/lsp/disableComment';
import { packOutline, unpackOutline } from '../../server/src/lsp/outlineTree';
import { compendium } from './report-text';

/** Lines that open blocks a disable comment must not land in, nested in lists and quotations. */
const LINES = [
  '# Title', 'A paragraph with `code` and <b>html</b>.', '', '- a list item', '  - nested', '    ```', '    code in a list', '    ```',
  '> quoted', '> ```', '> fenced', '| A | B |', '|---|---|', '| 1 | 2 |', '<div>', '</div>', '[ref]: https://example.org', '---', 'title: x',
];

const documents = fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((lines) => lines.join('\n'));

/** The outline as a tree, built the plain way: the top-level blocks, and below them only the nodes a disable comment must not land in. */
function outlineOf(tree: Root): Root {
  const keep = (node: Nodes, top: boolean): Nodes[] => {
    const below = 'children' in node ? (node.children as Nodes[]).flatMap((child) => keep(child, false)) : [];
    if (!top && !KEPT_FOR_DISABLE_COMMENTS.has(node.type)) return below;
    const kept = { type: node.type, position: node.position } as Nodes;
    if ('children' in node) (kept as { children: Nodes[] }).children = below;
    return [kept];
  };
  return { type: 'root', position: tree.position, children: tree.children.flatMap((child) => keep(child, true)) as Root['children'] };
}

function count(node: Nodes): number {
  return 1 + ('children' in node ? (node.children as Nodes[]).reduce((sum, child) => sum + count(child), 0) : 0);
}

describe('the outline the editor features read', () => {
  it('keeps the top-level blocks and, below them, only code, HTML, definitions and tables', () => {
    const tree = parseMarkdown('# Title\n\n- item with `code`\n\n  ```\n  fenced\n  ```\n\n| A |\n|---|\n| 1 |\n');
    const outline = unpackOutline(packOutline(tree));
    expect(outline.children.map((node) => node.type)).toEqual(['heading', 'list', 'table']);
    expect((outline.children[1] as { children: Nodes[] }).children.map((node) => node.type)).toEqual(['inlineCode', 'code']);
    expect((outline.children[0] as { children: Nodes[] }).children).toEqual([]);
  });

  it('crosses as numbers and comes back node for node, positions and empty child lists included', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const outline = outlineOf(parseMarkdown(text));
        expect(unpackOutline(packOutline(parseMarkdown(text)))).toEqual(outline);
      }),
      { numRuns: 1000 },
    );
    const tree = parseMarkdown(compendium(40_000));
    const packed = packOutline(tree);
    expect(packed.nodes.length / 8).toBe(count(outlineOf(tree)));
    expect(unpackOutline(packed)).toEqual(outlineOf(tree));
  });
});
