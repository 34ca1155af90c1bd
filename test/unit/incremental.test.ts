import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { IncrementalLinter } from '../../server/src/core/incremental';
import { compendium } from './report-text';

const settings = resolveSettings(undefined, 'incremental');
const base = compendium(12_000);

/** What an author types, including text that changes how the lines around it parse. */
const INSERTS = [
  ' also', '\n', '\n\n', '## New section\n\n', '# Title\n', '### Actions\n\n- Schools to review plans by March 2026.\n',
  '```\n', '<div>\n', '<!-- audit-lint-disable -->\n', '- ', '> ', '| Action | Owner |\n|---|---|\n', 'The ICPC was held. ',
  '[ref]: https://example.org\n', '---\n', 'robust and timely ', 'Child A (NHS number 943 476 5919) ', '\r\n',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 40 }),
  insert: fc.constantFrom(...INSERTS),
});

function applied(text: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
  const start = Math.floor(at * text.length);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
}

const essentials = (result: ReturnType<typeof lint>) => ({ findings: result.findings, failures: result.failures, profile: result.profile });

describe('incremental lint', () => {
  it('finds exactly what a full lint finds, version after version', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const linter = new IncrementalLinter();
        let text = base;
        linter.lint(text, settings);
        for (const change of edits) {
          text = applied(text, change);
          expect(essentials(linter.lint(text, settings))).toEqual(essentials(lint(text, settings)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
