/**
 * Personal data found in a draft must not spread through the linter's own output: no format
 * prints a full identifier, and neither does the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT, IDENTIFIERS, leaks } from '../privacy-draft';
import { runCli, workspace } from './run';

const dir = workspace({ 'draft.md': DRAFT });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('no output format prints a full identifier', () => {
  it('the draft really contains them, and the engine finds each kind', () => {
    expect(leaks(DRAFT).sort()).toEqual(Object.keys(IDENTIFIERS).sort());
    const report = JSON.parse(runCli(['draft.md', '--format', 'json'], { cwd: dir }).stdout);
    const kinds = new Set(report.results[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'anonymisation').map((d: { data: { kind: string } }) => d.data.kind));
    for (const kind of ['nhs-number', 'nino', 'upn', 'postcode', 'phone', 'email', 'date-of-birth', 'address', 'name', 'chi-number']) expect(kinds).toContain(kind);
  });

  for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
    it(format, () => {
      const result = runCli(['draft.md', '--format', format], { cwd: dir });
      expect(result.stdout.length).toBeGreaterThan(200);
      expect(leaks(result.stdout + result.stderr)).toEqual([]);
    });
  }

  it('a report written with --output', () => {
    runCli(['draft.md', '--format', 'sarif', '--output', 'report.sarif'], { cwd: dir });
    expect(leaks(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8'))).toEqual([]);
  });
});
