import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingStarts, ParseCache, parseDocument, partCuts } from '../../server/src/core/chunks';
import { parseMarkdown } from '../../server/src/core/parse';
import { compendium } from './report-text';

/** Lines that open, continue or close blocks a heading might fall inside. */
const LINES = [
  '# Title', '## Findings', '### 4.1 Early help', '#', '#hashtag', '    # indented code', '  ## Indented heading',
  'A paragraph with *emphasis* and a [link](https://example.org).', 'A lazy line', '',
  '- a list item', '  continued in the item', '1. numbered', '> quoted', '> ## quoted heading',
  '```', '```md', '~~~', '````', '<div>', '</div>', '<!-- audit-lint-disable -->', '<!--', '-->', '<pre>', '</pre>',
  '| Action | Owner |', '|---|---|', '| Review plans | Head of Service |', '---', 'title: x', '===', '\t# tabbed',
  '3.12 A numbered paragraph.', '12. A numbered list item', 'Ébauche', '  indented text', '*emphasis* at the margin',
];

const documents = fc
  .tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

describe('parsing heading by heading', () => {
  it('cuts before each heading at the margin, not inside front matter', () => {
    expect(headingStarts('# A\ntext\n## B\n#no\n### C')).toEqual([0, 9, 18]);
    expect(headingStarts('---\n# yaml comment\n---\n# A\n')).toEqual([0, 23]);
  });

  it('gives the tree one parse of the whole text gives', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(parseDocument(text, new ParseCache())).toEqual(parseMarkdown(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same tree when it also cuts between paragraphs wherever it may', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(parseDocument(text, new ParseCache(), { paragraphPart: 1 })).toEqual(parseMarkdown(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('parses whole a document whose front-matter fence never closes, as the parser reads its later lines differently', () => {
    // After an unclosed opening fence, a quotation no longer interrupts a paragraph.
    const text = '---\n  indented text\n\ntitle: x\n> quoted';
    expect(parseMarkdown(text).children.map((node) => node.type)).toEqual(['thematicBreak', 'paragraph', 'paragraph']);
    expect(parseDocument(text, new ParseCache(), { paragraphPart: 1 })).toEqual(parseMarkdown(text));
  });

  it('gives the same tree for a long report, and again from its cached parts after an edit', () => {
    const text = compendium(120_000);
    const cache = new ParseCache();
    expect(parseDocument(text)).toEqual(parseMarkdown(text));
    expect(parseDocument(text, cache)).toEqual(parseMarkdown(text));
    const edited = text.replace('## Audit 3:', 'Some new words.\n\n## Audit 3:');
    expect(parseDocument(edited, cache)).toEqual(parseMarkdown(edited));
  });

  it('cuts one long section between paragraphs, and keeps the cuts after an edit', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `4.${i + 1} In case ${i} the plan said what would change for the child.\nA second line of the same paragraph.`);
    const text = `# Audit\n\n## 4.0 Findings\n\n${paragraphs.join('\n\n')}\n`;
    const cuts = partCuts(text);
    expect(cuts.filter((c) => c.kind === 'heading')).toHaveLength(2);
    expect(cuts.filter((c) => c.kind === 'paragraph').length).toBeGreaterThan(2);
    for (const cut of cuts.filter((c) => c.kind === 'paragraph')) expect(text.slice(cut.at, cut.at + 2)).toBe('4.');
    const cache = new ParseCache();
    expect(parseDocument(text, cache)).toEqual(parseMarkdown(text));
    const edited = text.replace('In case 3 ', 'In case 3 (and again) ');
    const shift = edited.length - text.length;
    const later = (list: typeof cuts) => list.filter((c) => c.at > text.indexOf('In case 3 ')).map((c) => c.at);
    expect(later(partCuts(edited))).toEqual(later(cuts).map((at) => at + shift));
    expect(parseDocument(edited, cache)).toEqual(parseMarkdown(edited));
  });
});
