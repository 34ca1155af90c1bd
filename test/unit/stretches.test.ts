import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDefinitions } from '../../server/src/core/analysis/acronyms';
import { resolveSettings } from '../../server/src/core/config/settings';
import { TextMemory, withMemory } from '../../server/src/core/memo';
import { IncrementalLinter } from '../../server/src/core/incremental';
import { buildModel } from '../../server/src/core/model/build';
import { proseStretches } from '../../server/src/core/model/stretches';
import { findIdentifiers, identifiersOf } from '../../server/src/core/privacy/identifiers';
import { compendium } from './report-text';

const settings = resolveSettings(undefined, 'stretches.md');

/** Lines with identifiers and definitions, some at a line's start or end, where a stretch begins or ends. */
const LINES = [
  'The initial child protection conference (ICPC) met.', 'ICPC – initial child protection conference', 'CIN: child in need',
  'Mr Hollis visited.', 'her mother, Sarah Jones, said no.', 'Names have been changed.', 'NHS number 943 476 5919',
  'Tel 0113 496 0000', 'LS6 2QT', 'Born 01/02/2015.', '| Name | Sarah Jones |', '|---|---|', '| DOB | 01/02/2015 |',
  '- Jane Hollis, the support worker, said so.', '> Dr Smith wrote.', 'Plain text with nothing to find.', '## Glossary', '',
  '   ', '\r', 'Child A (aged 4)',
];

/** The identifiers an editor finds: stretch by stretch, as a document with a memory is read. */
const identifiersEdited = (model: ReturnType<typeof buildModel>) => withMemory(new TextMemory(), () => identifiersOf(model));

const documents = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }).map((lines) => lines.join('\n'));

describe('prose stretches', () => {
  it('cut the prose after each empty line, and together are the whole prose', () => {
    const model = buildModel('# Title\n\nFirst line\nsecond line\n\n  \n- item\n\n| a | b |\n|---|---|\n| c | d |\n', settings);
    const stretches = proseStretches(model);
    expect(stretches.map((s) => s.text).join('')).toBe(model.prose);
    expect(stretches.map((s) => model.text.slice(s.start, s.start + s.text.length))).toEqual([
      '# Title\n\n', 'First line\nsecond line\n\n  \n', '- item\n\n', '| a | b |\n|---|---|\n| c | d |\n',
    ]);
  });

  it('are the same found part by part in an edited report as in its whole text', () => {
    fc.assert(
      fc.property(fc.array(documents, { minLength: 1, maxLength: 6 }), (sections) => {
        const text = sections.map((body, i) => `## Part ${i}\n\n${body}\n`).join('\n');
        const linter = new IncrementalLinter({ paragraphPart: 200 });
        const { model } = linter.lint(text, settings, { only: ['readability'] });
        expect(model.proseParts?.length).toBeGreaterThan(0);
        const byParts = proseStretches(model).map(({ start, text }) => [start, text]);
        expect(byParts).toEqual(proseStretches(buildModel(text, settings)).map(({ start, text }) => [start, text]));
      }),
      { numRuns: 150 },
    );
  });

  it('find the identifiers and definitions a search of the whole prose finds', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const model = buildModel(text, settings);
        expect(identifiersEdited(model)).toEqual(findIdentifiers(model.prose));
        const byStretch = proseStretches(model).flatMap(({ start, text: stretch }) =>
          findDefinitions(stretch).map((d) => ({ ...d, start: start + d.start, end: start + d.end, acronymStart: start + d.acronymStart, acronymEnd: start + d.acronymEnd })));
        expect(byStretch).toEqual(findDefinitions(model.prose));
      }),
      { numRuns: 300 },
    );
  });

  it('find in a long report what the whole prose holds', () => {
    const model = buildModel(compendium(40_000), settings);
    expect(proseStretches(model).length).toBeGreaterThan(50);
    expect(identifiersEdited(model)).toEqual(findIdentifiers(model.prose));
  });
});
