import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseCache, parseDocument, partsOf } from '../../server/src/core/chunks';
import { TextMemory, withMemory } from '../../server/src/core/memo';
import { readProse } from '../../server/src/core/model/prose';
import { parseMarkdown } from '../../server/src/core/parse';
import { compendium, longSection } from './report-text';

/** Text an author adds that changes the prose or the comments around it. */
const INSERTS = ['<!-- audit-lint-disable -->\n', '<!-- note -->', ' *stressed* ', '\n\n## New heading\n\n', '`code`', '\r\n', '[link](https://example.org) ', '\n```\nfenced\n'];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.constantFrom(...INSERTS) });

describe('prose of a report assembled from parts', () => {
  for (const [name, start] of [['a compendium', compendium(20_000)], ['one long section', longSection(20_000)]] as const) {
    it(`is the prose of the whole text, version after version, in ${name}`, () => {
      expect(partsOf(parseDocument(start, new ParseCache(), { paragraphPart: 512 }))!.length).toBeGreaterThan(10);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
          const memory = new TextMemory();
          const cache = new ParseCache();
          let text = start;
          for (const { at, insert } of edits) {
            const cut = Math.floor(at * text.length);
            text = text.slice(0, cut) + insert + text.slice(cut);
            const tree = parseDocument(text, cache, { paragraphPart: 512 });
            expect(partsOf(tree)).toBeDefined();
            const { prose, comments } = withMemory(memory, () => readProse(tree, text));
            const byParts = { prose, comments };
            memory.settle();
            expect(byParts).toEqual(readProse(parseMarkdown(text), text));
          }
        }),
        { numRuns: 25 },
      );
    }, 120_000);
  }
});
