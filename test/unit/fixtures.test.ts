/**
 * Rule fixtures: test/fixtures/rules/<rule-id>/*.md, linted with only that rule enabled.
 *
 * Expected findings are written inline, at the end of the line where the finding starts:
 *   Some weak text here. <!-- expect rule-id -->
 * Several on one line: <!-- expect rule-id rule-id -->. Where a comment cannot go on the line
 * (front matter, fenced code), write <!-- expect-line 3 rule-id --> anywhere in the file.
 * An optional <name>.config.json next to a fixture is used as its configuration.
 *
 * Checked both ways: every expected finding is reported and nothing else is. Every fix is applied
 * and the text re-linted: the fix must remove at least one finding of the rule.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../server/src/core/config/settings';
import { validateConfig } from '../../server/src/core/config/validate';
import { lint } from '../../server/src/core/engine';
import { applyFixes } from '../../server/src/core/fix';
import { builtInProfiles } from '../../server/src/core/model/profiles';
import { ruleMetaById } from '../../server/src/core/rules';
import type { LintSettings } from '../../server/src/core/types';

const root = path.join(__dirname, '..', 'fixtures', 'rules');

function expectedFindings(text: string, ruleId: string): string[] {
  const expected: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(/<!-- expect ([a-z -]+?) -->/g)) {
      for (const id of match[1].trim().split(/\s+/)) expected.push(`${index + 1} ${id}`);
    }
  });
  for (const match of text.matchAll(/<!-- expect-line (\d+) ([a-z -]+?) -->/g)) {
    for (const id of match[2].trim().split(/\s+/)) expected.push(`${match[1]} ${id}`);
  }
  return expected.filter((e) => e.endsWith(` ${ruleId}`)).sort();
}

function settingsFor(fixture: string): LintSettings {
  const configFile = fixture.replace(/\.md$/, '.config.json');
  if (!fs.existsSync(configFile)) return resolveSettings(undefined, '(defaults)');
  const config = validateConfig(JSON.parse(fs.readFileSync(configFile, 'utf8')), configFile, ruleMetaById, Object.keys(builtInProfiles));
  return resolveSettings(config, configFile);
}

const ruleDirs = fs.existsSync(root) ? fs.readdirSync(root).sort() : [];

describe('rule fixtures', () => {
  it('every registered rule has fixtures', () => {
    expect(ruleDirs.filter((dir) => !ruleMetaById.has(dir))).toEqual([]);
    expect([...ruleMetaById.keys()].filter((id) => !ruleDirs.includes(id))).toEqual([]);
  });

  for (const ruleId of ruleDirs) {
    const files = fs.readdirSync(path.join(root, ruleId)).filter((f) => f.endsWith('.md')).sort();
    describe(ruleId, () => {
      it('has at least one fixture with findings and one without', () => {
        const counts = files.map((f) => expectedFindings(fs.readFileSync(path.join(root, ruleId, f), 'utf8'), ruleId).length);
        expect(counts.some((c) => c > 0)).toBe(true);
        expect(counts.some((c) => c === 0)).toBe(true);
      });

      for (const file of files) {
        const fixture = path.join(root, ruleId, file);
        it(file, () => {
          const text = fs.readFileSync(fixture, 'utf8');
          const settings = settingsFor(fixture);
          const result = lint(text, settings, { only: [ruleId] });
          expect(result.failures).toEqual([]);
          const actual = result.findings.map((f) => `${f.line} ${f.ruleId}`).sort();
          expect(actual, result.findings.map((f) => `${f.line}: ${f.message}`).join('\n')).toEqual(expectedFindings(text, ruleId));
          for (const finding of result.findings) {
            expect(finding.end).toBeGreaterThanOrEqual(finding.start);
            expect(finding.end).toBeLessThanOrEqual(text.length);
            expect(finding.message.length).toBeGreaterThan(20);
          }

          const meta = ruleMetaById.get(ruleId)!;
          const fixes = result.findings.flatMap((f) => f.fixes);
          if (!meta.fixable) expect(fixes).toEqual([]);
          for (const fix of fixes) {
            const fixed = applyFixes(text, [fix]);
            expect(fixed.applied).toHaveLength(1);
            const after = lint(fixed.text, settings, { only: [ruleId] });
            expect(after.findings.length, `after "${fix.title}"`).toBeLessThan(result.findings.length);
          }
        });
      }
    });
  }
});
