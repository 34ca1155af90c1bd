import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { IncrementalLinter } from '../../server/src/core/incremental';
import { rules } from '../../server/src/core/rules';
import { compendium, longSection } from './report-text';

const settings = resolveSettings(undefined, 'incremental');
const base = compendium(12_000);
/** One long section, cut between paragraphs every few hundred characters so that small edits cross the cuts. */
const longBase = longSection(12_000);

/** What an author types, including text that changes how the lines around it parse. */
const INSERTS = [
  ' also', '\n', '\n\n', '## New section\n\n', '# Title\n', '### Actions\n\n- Schools to review plans by March 2026.\n',
  '```\n', '<div>\n', '<!-- audit-lint-disable -->\n', '- ', '> ', '| Action | Owner |\n|---|---|\n', 'The ICPC was held. ',
  '[ref]: https://example.org\n', '---\n', 'robust and timely ', 'Child A (NHS number 943 476 5919) ', '\r\n',
  // Text that changes what other blocks mean: a definition, another form of a term, a disabled next line, a glossary.
  'initial child protection conference (ICPC) ', 'Multi Agency ', 'multi agency ', '<!-- audit-lint-disable-next-line -->\n',
  '## Glossary\n\n- CIN – child in need\n\n',
  // Names, and the statement that changes how every name in the report is read.
  'Mr Hollis visited. ', 'her mother, Sarah Jones, said ', 'Names have been changed. ',
  // Capitals that add a phrase to compare, or another form of one.
  'the Core Group met ', 'the core group ', 'out of County ', 'Section 47 ',
  // Terms written with a hyphen, apart, closed, round a dash, or spelt another way.
  'health care ', 'healthcare ', 'long-term plan ', 'long term plan ', 'self – assessment ', 'focussed ', 'co-ordinate ',
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

/** The properties below lint hundreds of versions, each twice: allow for a slow or busy machine. */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('incremental lint', () => {
  const versions = (start: string, linter: () => IncrementalLinter) =>
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      const incremental = linter();
      let text = start;
      incremental.lint(text, settings);
      for (const change of edits) {
        text = applied(text, change);
        expect(essentials(incremental.lint(text, settings))).toEqual(essentials(lint(text, settings)));
      }
    });

  it('finds exactly what a full lint finds, version after version', () => {
    fc.assert(versions(base, () => new IncrementalLinter()), { numRuns: 40 });
  }, PROPERTY_TIMEOUT_MS);

  it('checks a block-scoped rule again only in the block an edit changed', () => {
    const blockScoped = rules.filter((rule) => rule.meta.scope === 'block');
    expect(blockScoped.length).toBeGreaterThan(0);
    const linter = new IncrementalLinter();
    linter.lint(base, settings);
    // The end of a paragraph in the middle of the report.
    const at = base.indexOf('.\n\n', base.length >> 1) + 1;
    const edited = `${base.slice(0, at)} The panel graded it adequate.${base.slice(at)}`;
    const spies = blockScoped.map((rule) => vi.spyOn(rule, 'checkBlock'));
    try {
      const result = linter.lint(edited, settings);
      for (const spy of spies) expect(spy).toHaveBeenCalledTimes(1);
      expect(essentials(result)).toEqual(essentials(lint(edited, settings)));
      expect(result.findings.some((f) => f.ruleId === 'grading-terms' && f.start === at + ' The panel graded it '.length)).toBe(true);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('finds exactly what a full lint finds in one long section cut between paragraphs', () => {
    expect(longBase.match(/^## /gm)).toHaveLength(2);
    fc.assert(versions(longBase, () => new IncrementalLinter({ paragraphPart: 400 })), { numRuns: 15 });
  }, PROPERTY_TIMEOUT_MS);
});
