/**
 * Round trip: a report exported to Word and linted as a Word document has the same findings as its
 * Markdown (rule and message, which quotes the text). Reports whose front matter gives the number of
 * cases are left out: front matter other than the title is not carried into the Word document, so
 * count-consistency cannot compare against it there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runCli, workspace } from './run';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const REPORTS = [
  'examples/maca-report-good.md',
  'examples/learning-briefing-good.md',
  'examples/seven-minute-briefing-good.md',
  'examples/seven-minute-briefing-poor.md',
  'test/fixtures/export/features.md',
  'test/fixtures/export/seven-minute-briefing.md',
];

interface Diagnostic {
  ruleId: string;
  message: string;
  source?: { paragraph?: number; quote?: string };
}
const findings = (stdout: string) => (JSON.parse(stdout).results[0].diagnostics as Diagnostic[]).map((d) => `${d.ruleId}: ${d.message}`).sort();

describe('export to Word, then lint the Word document', () => {
  for (const report of REPORTS) {
    it(`${report}: the same findings as the Markdown`, () => {
      const dir = workspace({ 'report.md': fs.readFileSync(path.join(repoRoot, report)), 'chart.png': fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'export', 'chart.png')) });
      dirs.push(dir);
      expect(runCli(['export', 'report.md', '--to', 'docx', '--force'], { cwd: dir }).status).toBe(0);
      const markdown = findings(runCli(['report.md', '--format', 'json'], { cwd: dir }).stdout);
      const word = runCli(['report.docx', '--format', 'json'], { cwd: dir });
      expect(findings(word.stdout)).toEqual(markdown);
      // Each finding on the Word document names its paragraph and quotes it.
      for (const d of JSON.parse(word.stdout).results[0].diagnostics as Diagnostic[]) expect(d.source?.paragraph ?? d.source).toBeDefined();
    });
  }
  it('finds something to compare', () => {
    const dir = workspace({ 'report.md': fs.readFileSync(path.join(repoRoot, 'examples', 'seven-minute-briefing-poor.md')) });
    dirs.push(dir);
    expect(findings(runCli(['report.md', '--format', 'json'], { cwd: dir }).stdout).length).toBeGreaterThan(10);
  });
});
