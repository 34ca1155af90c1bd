import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './run';

const files = ['examples/maca-report-poor.md', 'examples/maca-report-good.md', 'examples/seven-minute-briefing-poor.md'];

function jsonReport() {
  return JSON.parse(runCli([...files, '--format', 'json']).stdout);
}

describe('--format json', () => {
  it('prints exactly one object in the documented shape', () => {
    const result = runCli([...files, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['version', 'results', 'summary']);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'infos']);
    expect(report.summary.files).toBe(3);
    let errors = 0;
    for (const file of report.results) {
      expect(Object.keys(file)).toEqual(['file', 'profile', 'diagnostics']);
      expect(file.file).toMatch(/^examples\/[a-z-]+\.md$/);
      for (const d of file.diagnostics) {
        expect(Object.keys(d)).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data']);
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.endLine * 10000 + d.endColumn).toBeGreaterThanOrEqual(d.line * 10000 + d.column);
        if (d.severity === 'error') errors++;
      }
    }
    expect(report.summary.errors).toBe(errors);
    expect(result.status).toBe(1);
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 and carries every finding with its rule', () => {
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(runCli([...files, '--format', 'sarif']).stdout);
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);

    const reference = jsonReport();
    const total = reference.summary.errors + reference.summary.warnings + reference.summary.infos;
    const run = log.runs[0];
    expect(run.results).toHaveLength(total);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^examples\//);
    }
  });

  it('the validator accepts a clean run and rejects a malformed result', () => {
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
    const log = JSON.parse(runCli(['examples/maca-report-good.md', '--format', 'sarif']).stdout);
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    log.runs[0].results.push({ level: 'loud', message: {} });
    expect(validate(log)).toBe(false);
  });
});

describe('--format junit', () => {
  it('reads as a CI would: one suite per file, one failure per error or warning', () => {
    const xml = runCli([...files, '--format', 'junit']).stdout;
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const reference = jsonReport();
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(reference.results.map((r: { file: string }) => r.file));
    for (const [i, suite] of suites.entries()) {
      const expected = reference.results[i].diagnostics.filter((d: { severity: string }) => d.severity !== 'info');
      const failures = suite.testcase.filter((c: { failure?: unknown }) => c.failure);
      expect(failures).toHaveLength(expected.length);
      expect(Number(suite.failures)).toBe(expected.length);
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      for (const [j, testcase] of failures.entries()) {
        expect(testcase.failure.message).toBe(expected[j].message);
        expect(testcase.failure.type).toBe(expected[j].severity);
      }
    }
    expect(Number(parsed.testsuites.failures)).toBe(reference.summary.errors + reference.summary.warnings);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding, with escaped values', () => {
    const out = runCli([...files, '--format', 'github']).stdout.trimEnd().split('\n');
    const reference = jsonReport();
    const all = reference.results.flatMap((r: { file: string; diagnostics: object[] }) => r.diagnostics.map((d) => ({ ...d, file: r.file })));
    expect(out).toHaveLength(all.length);
    const command = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=audit-lint ([a-z-]+)::(.+)$/;
    out.forEach((line, i) => {
      const match = command.exec(line);
      expect(match, line).not.toBeNull();
      const d = all[i];
      expect(match![1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[d.severity as string]);
      expect(match![2]).toBe(d.file);
      expect(Number(match![3])).toBe(d.line);
      expect(match![7]).toBe(d.ruleId);
      expect(match![8]).not.toMatch(/[\r\n]/);
    });
  });
});

describe('--format stylish', () => {
  it('groups findings under each file with a summary line, without colour when not a terminal', () => {
    const out = runCli(files).stdout;
    expect(out).not.toMatch(/\x1b\[/);
    expect(out).toMatch(/^examples\/maca-report-poor\.md {2}\(maca-report\)$/m);
    expect(out).toMatch(/^ {2}\d+:\d+ +(error|warning|info) {2}.+ {2}[a-z-]+$/m);
    expect(out).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 3 files$/m);
    expect(fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))).toBe(true);
  });
});

describe('--format stylish shows one row per problem', () => {
  const file = 'examples/maca-report-poor.md';

  it('an action missing several parts is one row naming every rule, while JSON keeps one entry per rule', () => {
    const rows = runCli([file]).stdout.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line));
    const diagnostics: { ruleId: string; line: number }[] = JSON.parse(runCli([file, '--format', 'json']).stdout).results[0].diagnostics;
    const smart = ['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link'];
    const actionLines = [...new Set(diagnostics.filter((d) => smart.includes(d.ruleId)).map((d) => d.line))];
    expect(diagnostics.filter((d) => smart.includes(d.ruleId)).length).toBeGreaterThan(actionLines.length);
    const actionRows = rows.filter((row) => row.includes('Action is missing'));
    expect(actionRows.map((row) => Number(/^ {2}(\d+):/.exec(row)![1]))).toEqual(actionLines);
    for (const row of actionRows) expect(row).toMatch(/ {2}smart-owner, smart-measure, smart-deadline, outcome-link$/);
    expect(rows.some((row) => row.includes('Action: no '))).toBe(false);
    // Every rule that reported is named on some row.
    for (const id of new Set(diagnostics.map((d) => d.ruleId))) expect(rows.some((row) => row.includes(id))).toBe(true);
  });

  it('counts the rows it shows, and says how many findings JSON and --max-warnings count', () => {
    const out = runCli([file]).stdout;
    const rows = out.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line));
    const total = Number(/^✖ (\d+) problems/m.exec(out)![1]);
    expect(total).toBe(rows.length);
    const json = JSON.parse(runCli([file, '--format', 'json']).stdout);
    expect(out).toContain(`${json.results[0].diagnostics.length} findings by rule (${json.summary.warnings} warnings)`);
    expect(rows.length).toBeLessThan(json.results[0].diagnostics.length);
  });
});
