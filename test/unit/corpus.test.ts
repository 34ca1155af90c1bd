/**
 * The realistic corpus: reports in the shapes partnerships publish (test/corpus/NAME.md), each with
 * its reviewer's expectations (NAME.expect.yaml): what a careful reviewer marks (`must`) and what
 * a reviewer would strike out (`must-not`). The linter must find at least 95% of the musts over
 * the whole corpus and hit no must-not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { describe as show, judge, readExpectations, type Expectation } from '../../scripts/corpus-expectations.mjs';

const root = path.join(__dirname, '..', 'corpus');
const reports = fs.readdirSync(root).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
const settings = resolveSettings(undefined, '(defaults)');

/** Recall the corpus must reach over all its musts. */
const MIN_RECALL = 0.95;

const results = reports.map((file) => {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const expectFile = file.replace(/\.md$/, '.expect.yaml');
  const expectations = readExpectations(fs.readFileSync(path.join(root, expectFile), 'utf8'), expectFile);
  const { findings } = lint(text, settings);
  return { file, expectations, ...judge(text, findings, expectations, file) };
});

describe('realistic corpus', () => {
  it('has at least 12 reports, each with expectations both ways', () => {
    expect(reports.length).toBeGreaterThanOrEqual(12);
    for (const { file, expectations } of results) {
      expect(expectations.must.length, file).toBeGreaterThan(0);
      expect(expectations.mustNot.length, file).toBeGreaterThan(0);
    }
  });

  it('no finding a reviewer would strike out', () => {
    const struck = results.flatMap(({ file, struck }) => struck.map(({ entry, finding }) => `${file}:${finding.line} ${show(entry)}: ${finding.message}`));
    expect(struck).toEqual([]);
  });

  it(`finds at least ${MIN_RECALL * 100}% of what a reviewer marks`, () => {
    const musts = results.flatMap(({ expectations }) => expectations.must);
    const missed = results.flatMap(({ file, missed }) => missed.map((entry: Expectation) => `${file}: ${show(entry)}`));
    const recall = (musts.length - missed.length) / musts.length;
    expect(recall, `recall ${(recall * 100).toFixed(1)}%; missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});
