import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingStarts, ParseCache, parseDocument } from '../../server/src/core/chunks';
import { parseMarkdown } from '../../server/src/core/parse';
import { compendium } from './report-text';

/** Lines that open, continue or close blocks a heading might fall inside. */
const LINES = [
  '# Title', '## Findings', '### 4.1 Early help', '#', '#hashtag', '    # indented code', '  ## Indented heading',
  'A paragraph with *emphasis* and a [link](https://example.org).', 'A lazy line', '',
  '- a list item', '  continued in the item', '1. numbered', '> quoted', '> ## quoted heading',
  '```', '```md', '~~~', '````', '<div>', '</div>', '<!-- audit-lint-disable -->', '<!--', '-->', '<pre>', '</pre>',
  '| Action | Owner |', '|---|---|', '| Review plans | Head of Service |', '---', 'title: x', '===', '\t# tabbed',
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

  it('gives the same tree for a long report, and again from its cached parts after an edit', () => {
    const text = compendium(120_000);
    const cache = new ParseCache();
    expect(parseDocument(text)).toEqual(parseMarkdown(text));
    expect(parseDocument(text, cache)).toEqual(parseMarkdown(text));
    const edited = text.replace('## Audit 3:', 'Some new words.\n\n## Audit 3:');
    expect(parseDocument(edited, cache)).toEqual(parseMarkdown(edited));
  });
});
