/**
 * Property tests of the word-replacing quick fixes of consistent-terms and uk-spelling: over
 * reports built from the variants they look for, applying a rule's fixes (round by round, as
 * "fix all" does) silences the rule, and each edit replaces only the reported words with another
 * form of the same term: no other word of the report changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { britishSpelling, undoubled } from '../../server/src/core/analysis/spelling';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { applyFixes } from '../../server/src/core/fix';
import type { LintSettings } from '../../server/src/core/types';

const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
const SEED = Number(process.env.FUZZ_SEED ?? 20251202);
const ROUNDS = 4;

const settings: LintSettings = resolveSettings(undefined, '(defaults)');
const withoutUkSpelling: LintSettings = resolveSettings({ rules: { 'uk-spelling': 'off' } }, '(test)');

const term = fc.constantFrom(
  'multi-agency', 'multi agency', 'multiagency', 'Multi-Agency', 'co-ordinated', 'coordinated', 'focused', 'focussed',
  'child protection plan', 'Child Protection Plan', 'long-term plan', 'long term plan', 'healthcare', 'health care',
  'CYPFS', 'CYPFs', 'CAMHS', 'Camhs', 'behavior', 'behaviour', 'Behavior', 'organization', 'organisation', 'organized',
  'center', 'centre', 'pediatric', 'canceled', 'color-coded', 'judgment', 'judgement', 'benefitted', 'benefited',
);
const filler = fc.constantFrom('the', 'panel', 'saw', 'that', 'school', 'and', 'mother', 'worked', 'with', 'in', 'May', 'Child A', 'GP', 'neglect');
const sentence = fc.array(fc.oneof({ weight: 2, arbitrary: filler }, { weight: 1, arbitrary: term }), { minLength: 2, maxLength: 12 })
  .chain((words) => fc.constantFrom('.', '?', ';', ':').map((stop) => `${words.join(' ')}${stop}`));
const block = fc.oneof(
  { weight: 4, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' ')) },
  { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
  { weight: 1, arbitrary: fc.tuple(term, term).map(([a, b]) => `## ${a} and ${b}`) },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
);
const report = fc.array(block, { minLength: 1, maxLength: 10 }).map((blocks) => `# Audit\n\n${blocks.join('\n\n')}\n`);

/** The letters of a term, one spelling of each word, no case, hyphens or spaces. */
function termKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[-\s]+/)
    .map((word) => undoubled(britishSpelling(word)?.british ?? word).replace('dgement', 'dgment'))
    .join('');
}

function fixUntilSilent(ruleId: string, text: string, config: LintSettings): { text: string; left: number } {
  let current = text;
  for (let round = 0; round < ROUNDS; round++) {
    const findings = lint(current, config, { only: [ruleId] }).findings;
    if (findings.length === 0) return { text: current, left: 0 };
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        // Each edit replaces exactly the reported words with a form of the same term.
        expect(fix.edits).toHaveLength(1);
        const [edit] = fix.edits;
        expect([edit.start, edit.end]).toEqual([finding.start, finding.end]);
        const before = current.slice(edit.start, edit.end);
        expect(termKey(edit.text), `${before} → ${edit.text}`).toBe(termKey(before));
        expect(edit.text).not.toBe(before);
      }
    }
    current = applyFixes(current, findings.map((f) => f.fixes[0])).text;
  }
  return { text: current, left: lint(current, config, { only: [ruleId] }).findings.length };
}

/** The letters of a text's words, without case, hyphens, spaces or spelling variants: fixes may change only those. */
const wordKeys = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean).map(termKey).join('');

describe('quick fixes of consistent-terms and uk-spelling', () => {
  for (const [ruleId, config, name] of [
    ['consistent-terms', settings, 'with uk-spelling on'],
    ['consistent-terms', withoutUkSpelling, 'with uk-spelling off'],
    ['uk-spelling', settings, ''],
  ] as const) {
    it(`applying ${ruleId}'s fixes silences it and changes no other word ${name}`.trim(), () => {
      fc.assert(
        fc.property(report, (text) => {
          const { text: fixed, left } = fixUntilSilent(ruleId, text, config);
          expect(left).toBe(0);
          expect(wordKeys(fixed)).toBe(wordKeys(text));
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it('the generated reports do exercise the fixes', () => {
    const samples = fc.sample(report, { seed: SEED, numRuns: 40 });
    const fixed = (ruleId: string) => samples.filter((text) => lint(text, settings, { only: [ruleId] }).findings.length > 0).length;
    expect(fixed('consistent-terms')).toBeGreaterThan(10);
    expect(fixed('uk-spelling')).toBeGreaterThan(10);
  });
});
