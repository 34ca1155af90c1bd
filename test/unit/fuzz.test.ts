/**
 * Property-based and mutation tests of the engine over hostile Markdown: reports as they arrive
 * from PDF and Word exports and half-finished drafts. Whatever the text, linting must not throw,
 * every finding must point inside the document, line endings must not change what is found, and
 * fixes must only add text and settle.
 *
 * The default run uses a fixed seed, 60 cases per property and extreme documents at a fifth of
 * their size. `npm run fuzz` runs 2,000 cases per property with every size in full; FUZZ_RUNS and
 * FUZZ_SEED set the count and the seed of either run:
 *   FUZZ_RUNS=10000 FUZZ_SEED=7 npm run fuzz
 * (FUZZ_SEED=random picks a new seed and prints it on failure.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { decodeDocument } from '../../server/src/core/decode';
import { lint, type LintResult } from '../../server/src/core/engine';
import { applyFixes, isInsertOnly } from '../../server/src/core/fix';
import { MAX_NESTING } from '../../server/src/core/parse';
import type { Fix, LintSettings } from '../../server/src/core/types';

// `npm run fuzz` (an npm script named fuzz) is the long run.
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 2000 : 60));
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20240611);
const LONG = RUNS > 60;
const TIMEOUT = LONG ? 0 : 60000;
const params = <T>(extra: fc.Parameters<T> = {}): fc.Parameters<T> => ({ seed: SEED, numRuns: RUNS, endOnFailure: true, ...extra });

const settings: LintSettings = resolveSettings(undefined, '(defaults)');
const BOM = '\uFEFF';
/** Rounds of fixes a document may need before none is left. */
const SETTLE_ROUNDS = 2;
/** Extreme documents at full size in the long run; a fifth of it by default, to keep the run short. */
const SCALE = LONG ? 1 : 0.2;
const scaled = (n: number) => Math.round(n * SCALE);

// ---------------------------------------------------------------------------------------------
// Realistic fragments: lines of the example reports, and the shapes reports take.

const examplesDir = path.join(__dirname, '..', '..', 'examples');
const exampleLines = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => fs.readFileSync(path.join(examplesDir, f), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '');

const word = fc.constantFrom('neglect', 'the', 'child', 'DSL', 'CSC', 'GP', 'robust', 'timely', 'ensure', 'Child A', 'mother', 'school', '5', '6', 'cases', 'SW1A 1AA', '943 476 5919', 'TBC', 'TODO', 'here', 'XX', '**bold**', '_em_', '`code`');
const phrase = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.option(fc.constantFrom('1', '2.', '3.1', 'IV.', 'Section 4')), fc.constantFrom(
  'Background', 'Methodology', 'Audit methodology', 'Findings', 'Key findings', 'Strengths', 'Areas for development', 'What are we worried about?',
  'Learning', 'Key learning', 'Actions', 'Recommendations', 'What needs to happen?', 'Voice of the child', 'Glossary', 'Resources', 'Grading', 'NEGLECT AUDIT',
)).map(([depth, number, title]) => `${'#'.repeat(depth)} ${number ? `${number} ` : ''}${title}`);
const actionRow = fc.tuple(phrase, fc.constantFrom('Head of Service, CSC', 'All agencies', 'DSL', ''), fc.constantFrom('March 2025', 'timely', 'ongoing', '31/03/2025', ''), phrase)
  .map(([what, owner, due, measure]) => `| ${what} | ${owner} | ${due} | ${measure} |`);
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...exampleLines) },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: phrase.map((p) => `${p}.`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '  - ', '> ', '> - '), phrase).map(([m, p]) => m + p) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 12 }), phrase).map(([a, b, p]) => `${a}.${b} ${p}.`) },
  { weight: 2, arbitrary: fc.array(actionRow, { maxLength: 5 }).map((rows) => ['| Action | Owner | By when | Success measure |', '|---|---|---|---|', ...rows].join('\n')) },
  { weight: 1, arbitrary: fc.constantFrom('| a | b |', '|---|', '| --- | :-: |', '|', '||||') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('click here', 'here', '', 'the strategy', 'https://example.org'), fc.constantFrom('#', '', 'https://example.org/x', '<>', 'javascript:void(0)')).map(([t, u]) => `See [${t}](${u}).`) },
  { weight: 2, arbitrary: fc.constantFrom('<!-- audit-lint-disable -->', '<!-- audit-lint-enable -->', '<!-- audit-lint-disable-next-line vague-wording -->', '<!-- audit-lint-disable-file -->', '<!-- a comment', '-->', '<!-- -->', '<div>', '</div>', '<br>') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('maca-report', 'seven-minute-briefing', 'learning-briefing', 'nope', '[1, 2'), fc.constantFrom('6', 'many', 'five', '[]')).map(([p, c]) => `---\nprofile: ${p}\ncases: ${c}\ntitle: Neglect audit\n---`) },
  { weight: 1, arbitrary: fc.constantFrom('```', '```md', '~~~', '    indented code', '***', '---', '===', 'Setext heading\n---') },
  { weight: 1, arbitrary: fc.constantFrom('Multi-Agency Safeguarding Hub (MASH)', 'The IRO and the LADO met.', 'Designated Safeguarding Lead [DSL]', '[ref]: https://example.org', '[insert date]', '${1:placeholder}') },
);
const markdown = fc.array(fragment, { maxLength: 40 }).chain((parts) =>
  fc.array(fc.constantFrom('\n', '\n\n'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')),
);

// ---------------------------------------------------------------------------------------------
// Mutations: what happens to text on the way from a PDF, a Word export or a half-finished draft.

type Mutation = (text: string) => string;
const at = (text: string, fraction: number) => Math.floor(fraction * (text.length + 1));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const anyString = fc.string({ unit: 'binary', maxLength: 20 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f): Mutation => (t) => t.slice(0, at(t, f))),
  fc.tuple(fraction, anyString).map(([f, s]): Mutation => (t) => t.slice(0, at(t, f)) + s + t.slice(at(t, f))),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => (t) => t.slice(0, Math.min(at(t, a), at(t, b))) + t.slice(Math.max(at(t, a), at(t, b)))),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r\n')),
  fc.constant<Mutation>((t) => t.replace(/\r?\n/g, '\r')),
  fc.constant<Mutation>((t) => BOM + t),
  fc.tuple(fraction, fc.integer({ min: 1, max: 5 })).map(([f, n]): Mutation => (t) => t.slice(0, at(t, f)) + '\0'.repeat(n) + t.slice(at(t, f))),
  fc.constant<Mutation>((t) => `---\nprofile: maca-report\n${t}`),
  fc.tuple(fraction, fc.constantFrom('> ', '- ', '1. ', '  ', '>'), fc.integer({ min: 1, max: 200 })).map(([f, m, n]): Mutation => (t) => {
    const i = t.lastIndexOf('\n', at(t, f)) + 1;
    return t.slice(0, i) + m.repeat(n) + t.slice(i);
  }),
  fc.tuple(fraction, fc.constantFrom('\uD800', '\uDC00', '\u200B', '\u00A0', '\t', '\u2028', '\u0085', '\uFFFD', '😀', 'é')).map(([f, c]): Mutation => (t) => t.slice(0, at(t, f)) + c + t.slice(at(t, f))),
);
const hostile = fc.tuple(markdown, fc.array(mutation, { maxLength: 4 })).map(([text, ms]) => ms.reduce((t, m) => m(t), text));

// ---------------------------------------------------------------------------------------------
// Checks

/** 1-based line and column of an offset, counted independently of the engine: CRLF, CR and LF end lines. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function lintChecked(text: string): LintResult {
  const result = lint(text, settings);
  expect(result.failures).toEqual([]);
  // Line and column ignore a byte-order mark, as editors do; offsets count it.
  const shift = text.startsWith(BOM) ? 1 : 0;
  const body = text.slice(shift);
  for (const f of result.findings) {
    expect(0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.ruleId} ${f.start}-${f.end} of ${text.length}`).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(shift);
    expect({ line: f.line, column: f.column }).toEqual(position(body, f.start - shift));
    expect({ line: f.endLine, column: f.endColumn }).toEqual(position(body, f.end - shift));
    for (const fix of f.fixes) {
      for (const e of fix.edits) expect(shift <= e.start && e.start <= e.end && e.end <= text.length, `${f.ruleId} fix ${e.start}-${e.end}`).toBe(true);
    }
  }
  return result;
}

/** What a fix should produce, built edit by edit: everything outside the edits kept as it was. */
function expectedAfter(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** The insert-only fixes --fix applies: the first of each finding. */
const insertFixes = (result: LintResult): Fix[] => result.findings.flatMap((f) => f.fixes.filter(isInsertOnly).slice(0, 1));
const key = (result: LintResult) => result.findings.map((f) => `${f.ruleId} ${f.line}:${f.column}`).sort();

describe('engine under hostile input (fast-check)', () => {
  it('lints any mutated report without failing, with every finding inside the document', () => {
    fc.assert(fc.property(hostile, (text) => void lintChecked(text)), params());
  }, TIMEOUT);

  it('finds the same things whether lines end in LF, CRLF or CR', () => {
    const lf = fc.tuple(markdown, fc.array(mutation, { maxLength: 2 }))
      .map(([text, ms]) => ms.reduce((t, m) => m(t), text).replace(/\r\n?/g, '\n'));
    fc.assert(fc.property(lf, (text) => {
      const expected = key(lintChecked(text));
      expect(key(lintChecked(text.replace(/\n/g, '\r\n')))).toEqual(expected);
      expect(key(lintChecked(text.replace(/\n/g, '\r')))).toEqual(expected);
    }), params());
  }, TIMEOUT);

  it('fixes only add text, never touch text outside their edits, and settle within a few rounds', () => {
    fc.assert(fc.property(hostile, (text) => {
      const result = lintChecked(text);
      for (const fix of result.findings.flatMap((f) => f.fixes)) {
        const outcome = applyFixes(text, [fix]);
        expect(outcome.applied).toHaveLength(1);
        expect(outcome.text).toBe(expectedAfter(text, fix));
      }
      // As --fix does: apply every insert-only fix, re-lint, repeat. Each round adds text only, and
      // the fixes run out; most documents settle in one round, chaotic ones (a new first heading
      // that becomes the title) in two.
      let current = text;
      let fixes = insertFixes(result);
      for (let round = 0; round < SETTLE_ROUNDS && fixes.length > 0; round++) {
        const outcome = applyFixes(current, fixes);
        const added = outcome.applied.reduce((n, f) => n + f.edits.reduce((m, e) => m + e.text.length + e.start - e.end, 0), 0);
        expect(outcome.text.length).toBe(current.length + added);
        current = outcome.text;
        fixes = insertFixes(lintChecked(current));
      }
      expect(fixes.map((f) => f.title)).toEqual([]);
    }), params());
  }, TIMEOUT);

  it('decodes arbitrary bytes to text or a clear refusal, and lints whatever decodes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      markdown.chain((md) => fc.tuple(fc.constant(new TextEncoder().encode(md)), fraction, fc.uint8Array({ minLength: 1, maxLength: 4 })))
        .map(([encoded, f, junk]) => {
          const i = Math.floor(f * encoded.length);
          return Uint8Array.from([...encoded.subarray(0, i), ...junk, ...encoded.subarray(i)]);
        }),
    );
    fc.assert(fc.property(bytes, (input) => {
      const decoded = decodeDocument(input);
      if ('error' in decoded) expect(decoded.error).toMatch(/binary|UTF-8/);
      else lintChecked(decoded.text);
    }), params());
  }, TIMEOUT);
});

describe('engine on extreme documents', () => {
  const report = fs.readFileSync(path.join(examplesDir, 'maca-report-poor.md'), 'utf8');
  const extremes: Record<string, () => string> = {
    '10,000-deep block quotes on one line': () => `${'> '.repeat(10000)}All agencies to ensure timely support.\n`,
    '10,000 lines of block quotes, each one level deeper up to 60': () => Array.from({ length: 10000 }, (_, i) => '>'.repeat(Math.min(i + 1, 60))).join('\n'),
    '10,000-deep list on one line': () => `${'- '.repeat(10000)}item\n`,
    '10,000-deep ordered list on one line': () => `${'1. '.repeat(10000)}item\n`,
    '2,000 nested list items by indentation': () => Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i % 200)}- item ${i}`).join('\n'),
    'a 1 MB line': () => `${report}\n${'All agencies to ensure timely support where possible. '.repeat(scaled(19000))}\n`,
    'a 1 MB line without spaces': () => 'x'.repeat(scaled(1024 * 1024)),
    'a table of 5,000 rows': () => `${report}\n## Actions\n\n| Action | Owner | By when |\n|---|---|---|\n${'| Share plans | DSL | March 2025 |\n'.repeat(scaled(5000))}`,
    'a table 2,000 columns wide': () => `|${' a |'.repeat(scaled(2000))}\n|${'---|'.repeat(scaled(2000))}\n|${' b |'.repeat(scaled(2000))}\n`,
    '5,000 links': () => `${report}\n${Array.from({ length: scaled(5000) }, (_, i) => `[click here](https://example.org/${i})`).join(' ')}\n`,
    'unclosed front matter over the whole report': () => `---\nprofile: maca-report\n${report}`,
    'NUL bytes and lone surrogates': () => `${report.slice(0, 500)}\0\0\uD800${report.slice(500)}\uDC00`,
  };
  for (const [name, make] of Object.entries(extremes)) {
    it(name, () => {
      const text = make();
      const result = lintChecked(text);
      expect(result.complete).toBe(true);
    }, TIMEOUT);
  }
});

describe('cases the fuzzing found', () => {
  it('a second byte-order mark does not shift what the parser reads', () => {
    const text = '\uFEFF\uFEFF# Neglect audit\n\n## Background\n\nSix cases.\n';
    const result = lintChecked(text);
    expect(result.model.sections.map((s) => s.title)).toEqual(['Neglect audit', 'Background']);
  });

  it('front matter with lone CR line ends reads as it does with LF', () => {
    const lf = '---\nprofile: learning-briefing\ncases: many\n---\n\n# Neglect audit\n';
    const cr = lintChecked(lf.replace(/\n/g, '\r'));
    expect(cr.model.frontMatter?.data).toEqual({ profile: 'learning-briefing', cases: 'many' });
    expect(key(cr)).toEqual(key(lintChecked(lf)));
  });

  it('lines run together from a PDF break sentences whatever the line ends', () => {
    const lf = `# Neglect audit\n\n${'The plan listed the services the family should attend\nIt did not say what would change for the child\n'.repeat(2)}`;
    expect(key(lintChecked(lf.replace(/\n/g, '\r')))).toEqual(key(lintChecked(lf)));
    expect(key(lintChecked(lf)).filter((k) => k.startsWith('readability'))).toEqual([]);
  });

  it('nesting deeper than the parser is shown keeps offsets and leaves ordinary nesting alone', () => {
    const shallow = '> quote\n> - item\n>   1. step\n';
    expect(lintChecked(shallow).model.tree.children[0].type).toBe('blockquote');
    const deep = `${'> '.repeat(100)}text\n`;
    const result = lintChecked(deep);
    expect(result.model.text).toBe(deep);
    let depth = 0;
    for (let node: Nodes | undefined = result.model.tree.children[0]; node?.type === 'blockquote'; node = node.children[0]) depth++;
    expect(depth).toBe(MAX_NESTING);
  });
});
