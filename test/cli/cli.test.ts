import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD_REPORT, POOR_REPORT, repoRoot, runCli, temporaryWorkspaces } from './run';

const MISSING_ACTIONS = `---
profile: maca-report
cases: 2
---

# Audit of two cases

## Background

Why the audit was done.

## Methodology

Two cases were selected at random. Police and schools audited their records in May 2025. Cases were not graded. Parents were asked for their views.

## Findings

What was found.

## Key learning

What was learned.
`;

const ws = temporaryWorkspaces();

describe('exit codes', () => {
  it('0 for a good report, 1 for a poor one', () => {
    const dir = ws({ 'good.md': GOOD_REPORT, 'poor.md': POOR_REPORT });
    expect(runCli(['good.md'], { cwd: dir }).status).toBe(0);
    const poor = runCli(['poor.md'], { cwd: dir });
    expect(poor.status).toBe(1);
    expect(poor.stdout).toContain('poor.md');
    expect(poor.stdout).toMatch(/\d+:\d+ +error/);
  });

  it('every good example has no error and at most 2 warnings, and every poor example has at least one error', () => {
    const result = runCli(['examples/', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    for (const file of report.results) {
      const errors = file.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
      const warnings = file.diagnostics.filter((d: { severity: string }) => d.severity === 'warning');
      if (file.file.includes('-good')) {
        expect(errors, file.file).toEqual([]);
        expect(warnings.length, `${file.file}: ${JSON.stringify(warnings)}`).toBeLessThanOrEqual(2);
      } else expect(errors.length, file.file).toBeGreaterThan(0);
    }
    expect(report.results.length).toBeGreaterThanOrEqual(6);
  });

  it('2 for usage errors, with a message and nothing on stdout', () => {
    const cases = [
      ['--format', 'xml', 'examples/'],
      ['--no-such-flag'],
      ['--rule', 'no-such-rule=error', 'examples/'],
      ['--rule', 'placeholder=loud', 'examples/'],
      ['--profile', 'no-such-profile', 'examples/'],
      ['does-not-exist.md'],
      ['no-match-*.md'],
      ['--max-warnings', 'many', 'examples/'],
      [],
    ];
    for (const args of cases) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^audit-lint: /);
      expect(result.stdout, args.join(' ')).toBe('');
    }
  });

  it('--max-warnings turns warnings into a failing run', () => {
    const dir = ws({ 'r.md': MISSING_ACTIONS.replace('## Key learning', '## Key learning\n\n## Empty') });
    const withoutLimit = runCli(['r.md', '--rule', 'required-section=off'], { cwd: dir });
    expect(withoutLimit.status).toBe(0);
    expect(withoutLimit.stdout).toContain('warning');
    const limited = runCli(['r.md', '--rule', 'required-section=off', '--max-warnings', '0'], { cwd: dir });
    expect(limited.status).toBe(1);
    expect(limited.stderr).toContain('--max-warnings 0');
  });

  it('--quiet reports errors only', () => {
    const result = runCli(['examples/maca-report-poor.md', '--quiet', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    const severities = new Set(report.results[0].diagnostics.map((d: { severity: string }) => d.severity));
    expect([...severities]).toEqual(['error']);
    expect(report.summary.warnings).toBe(0);
  });
});

describe('configuration', () => {
  it('reports an invalid configuration once, naming the file and key, exit 2', () => {
    const cases: [string, string, RegExp][] = [
      ['.auditlintrc.json', '{ "rules": { "placeholder": "loud" } }', /\.auditlintrc\.json: "rules\.placeholder": expected one of/],
      ['.auditlintrc.json', '{ "rulez": {} }', /"rulez": unknown key; expected one of .*did you mean "rules"/],
      ['.auditlintrc.json', '{ "rules": { "no-such-rule": "off" } }', /"rules\.no-such-rule": unknown rule/],
      ['.auditlintrc.json', '{ "profile": "nope" }', /"profile": unknown profile "nope"/],
      ['.auditlintrc.json', '{ "rules": ', /\.auditlintrc\.json(:\d+)?: not valid JSON/],
      ['.auditlintrc.yaml', 'rules:\n  placeholder: [error\n', /\.auditlintrc\.yaml(:\d+)?: not valid YAML/],
      ['.auditlintrc.json', '{ "readability": { "maxSentenceWords": -3 } }', /"readability\.maxSentenceWords": expected a positive integer/],
      ['.auditlintrc.json', '{ "profiles": { "ours": { "extends": "nope" } } }', /"profiles\.ours\.extends": unknown profile "nope"/],
      ['.auditlintrc.json', '{ "profiles": { "ours": { "required": ["methods"] } } }', /unknown section id "methods"/],
      ['.auditlintrc.json', '{ "vocabulary": { "preferred": ["multi-agency"] } }', /"vocabulary\.preferred": expected an object of preferred form to the forms to replace/],
      ['.auditlintrc.json', '{ "vocabulary": { "preferred": { "multi-agency": "multi agency" } } }', /"vocabulary\.preferred\.multi-agency": expected an array of strings/],
    ];
    for (const [name, content, message] of cases) {
      const dir = ws({ [name]: content, 'reports/r.md': GOOD_REPORT });
      const result = runCli(['reports/'], { cwd: dir });
      expect(result.status, content).toBe(2);
      expect(result.stderr, content).toMatch(message);
      expect(result.stderr.trim().split('\n'), content).toHaveLength(1);
      expect(result.stdout, content).toBe('');
    }
  });

  it('finds the nearest configuration, including package.json "auditLint", and applies it', () => {
    const dir = ws({
      'package.json': JSON.stringify({ name: 'x', auditLint: { rules: { 'required-section': 'warning' } } }),
      'a/r.md': MISSING_ACTIONS,
      'b/.auditlintrc.yaml': 'rules:\n  required-section: off\n',
      'b/r.md': MISSING_ACTIONS,
    });
    const report = JSON.parse(runCli(['.', '--format', 'json'], { cwd: dir }).stdout);
    const byFile = Object.fromEntries(report.results.map((r: { file: string; diagnostics: { ruleId: string; severity: string }[] }) => [r.file, r.diagnostics]));
    expect(byFile['a/r.md'].filter((d: { ruleId: string }) => d.ruleId === 'required-section').map((d: { severity: string }) => d.severity)).toEqual(['warning']);
    expect(byFile['b/r.md'].filter((d: { ruleId: string }) => d.ruleId === 'required-section')).toEqual([]);
  });

  it('supports custom profiles that extend built-in ones, and --config', () => {
    const dir = ws({
      'custom.json': JSON.stringify({ profiles: { northshire: { extends: 'maca-report', required: ['context', 'method', 'findings', 'learning', 'actions', 'voice'] } } }),
      'r.md': MISSING_ACTIONS.replace('profile: maca-report', 'profile: northshire'),
    });
    const result = JSON.parse(runCli(['r.md', '--config', 'custom.json', '--format', 'json'], { cwd: dir }).stdout);
    expect(result.results[0].profile).toBe('northshire');
    const missing = result.results[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'required-section').map((d: { data: { missing: string[] } }) => d.data.missing);
    expect(missing).toEqual([['actions'], ['voice']]);
  });

  it('--rule overrides the configuration and --profile sets the default profile', () => {
    const dir = ws({ 'r.md': MISSING_ACTIONS.replace('profile: maca-report\n', '') });
    const asBriefing = JSON.parse(runCli(['r.md', '--profile', 'learning-briefing', '--format', 'json'], { cwd: dir }).stdout);
    expect(asBriefing.results[0].profile).toBe('learning-briefing');
    expect(asBriefing.summary.errors).toBe(0);
    const off = JSON.parse(runCli(['r.md', '--rule', 'required-section=off', '--format', 'json'], { cwd: dir }).stdout);
    expect(off.results[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'required-section')).toBe(false);
  });

  it('init writes a starter configuration that validates, and never overwrites one', () => {
    const dir = ws({ 'r.md': GOOD_REPORT });
    const first = runCli(['init'], { cwd: dir });
    expect(first.status).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(dir, '.auditlintrc.json'), 'utf8'));
    expect(config.profile).toBe('maca-report');
    expect(runCli(['r.md'], { cwd: dir }).status).toBe(0);
    const second = runCli(['init'], { cwd: dir });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('already exists');
  });
});

describe('files', () => {
  it('expands folders and globs, and honours .auditlintignore', () => {
    const dir = ws({
      'reports/a.md': GOOD_REPORT,
      'reports/drafts/b.md': GOOD_REPORT,
      'reports/old/c.md': GOOD_REPORT,
      'reports/notes.txt': 'not markdown',
      'node_modules/x/readme.md': POOR_REPORT,
      '.auditlintignore': 'reports/old/\n',
    });
    const files = (args: string[]) => JSON.parse(runCli([...args, '--format', 'json'], { cwd: dir }).stdout).results.map((r: { file: string }) => r.file);
    expect(files(['.'])).toEqual(['reports/a.md', 'reports/drafts/b.md']);
    expect(files(['reports/**/*.md'])).toEqual(['reports/a.md', 'reports/drafts/b.md']);
    expect(files(['reports/old/c.md'])).toEqual(['reports/old/c.md']);
  });

  it('reports unreadable input clearly and lints the rest (exit 2)', () => {
    const dir = ws({ 'a.md': GOOD_REPORT, 'b.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]), 'c.md': Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]), 'd.md/x.md': GOOD_REPORT });
    const result = runCli(['a.md', 'b.md', 'c.md', '--format', 'json'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('b.md: looks like a binary file');
    expect(result.stderr).toContain('c.md: is not valid UTF-8');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(JSON.parse(result.stdout).results.map((r: { file: string }) => r.file)).toEqual(['a.md']);
  });

  it('gives the same findings for LF, CRLF and a byte-order mark', () => {
    const lf = POOR_REPORT;
    const dir = ws({ 'lf.md': lf, 'crlf.md': lf.replace(/\n/g, '\r\n'), 'bom.md': `\uFEFF${lf}` });
    const report = JSON.parse(runCli(['lf.md', 'crlf.md', 'bom.md', '--format', 'json'], { cwd: dir }).stdout);
    const shape = (r: { diagnostics: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }) =>
      r.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`);
    const [bom, crlf, lfResult] = report.results;
    expect(shape(crlf)).toEqual(shape(lfResult));
    expect(shape(bom)).toEqual(shape(lfResult));
    expect(shape(lfResult).length).toBeGreaterThan(3);
  });

  it('lints standard input under the given name', () => {
    const result = runCli(['--stdin', '--stdin-filename', 'drafts/x.md', '--format', 'json'], { input: POOR_REPORT });
    const report = JSON.parse(result.stdout);
    expect(result.status).toBe(1);
    expect(report.results[0].file).toBe('drafts/x.md');
    expect(report.results[0].diagnostics.length).toBeGreaterThan(0);
  });

  it('writes the report to --output and nothing to stdout', () => {
    const dir = ws({ 'r.md': POOR_REPORT });
    const result = runCli(['r.md', '--format', 'json', '--output', 'out/report.json'.replace('out/', '')], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(1);
  });
});

describe('--fix', () => {
  it('inserts the missing section, keeps every original line and the file mode, then re-lints clean', () => {
    const dir = ws({ 'r.md': MISSING_ACTIONS });
    const file = path.join(dir, 'r.md');
    fs.chmodSync(file, 0o640);
    const result = runCli(['r.md', '--fix', '--format', 'json'], { cwd: dir });
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed).toContain('## Actions');
    expect(fixed.indexOf('## Actions')).toBeGreaterThan(fixed.indexOf('## Key learning'));
    let cursor = 0;
    for (const line of MISSING_ACTIONS.split('\n')) {
      const at = fixed.indexOf(line, cursor);
      expect(at, line).toBeGreaterThanOrEqual(0);
      cursor = at + line.length;
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    const report = JSON.parse(result.stdout);
    expect(report.results[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'required-section')).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['r.md']);
  });

  it('--fix-dry-run prints a diff and changes nothing', () => {
    const dir = ws({ 'r.md': MISSING_ACTIONS });
    const result = runCli(['r.md', '--fix-dry-run'], { cwd: dir });
    expect(result.stdout).toMatch(/^--- r\.md/m);
    expect(result.stdout).toMatch(/^\+## Actions/m);
    expect(fs.readFileSync(path.join(dir, 'r.md'), 'utf8')).toBe(MISSING_ACTIONS);
  });

  it('never rewrites the author\'s words, even where an editor quick fix would', () => {
    const text = POOR_REPORT;
    const dir = ws({ 'r.md': text });
    runCli(['r.md', '--fix'], { cwd: dir });
    const fixed = fs.readFileSync(path.join(dir, 'r.md'), 'utf8');
    expect(fixed).toContain('"Good"');
    expect(fixed).toContain('adequate');
    // consistent-terms offers "multi-agency" in the editor; --fix does not change words.
    expect(fixed).toContain('multi agency chronologies');
    // Insertions only: the original text survives, character by character and in order.
    let at = 0;
    const inOrder = [...text].every((char) => (at = fixed.indexOf(char, at) + 1) > 0);
    expect(inOrder).toBe(true);
    expect(fixed.length).toBeGreaterThan(text.length);
  });
});

describe('rules command', () => {
  it('lists every rule with its description and default severity', () => {
    const list = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    const ids = list.map((r: { id: string }) => r.id);
    for (const id of ['required-section', 'methodology-detail', 'placeholder', 'link-text']) expect(ids).toContain(id);
    for (const rule of list) {
      expect(['error', 'warning', 'info']).toContain(rule.defaultSeverity);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    const text = runCli(['rules']).stdout;
    expect(text.trim().split('\n')).toHaveLength(list.length);
  });

  it('prints the version and help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--format', '--fix', '--fix-dry-run', '--config', '--profile', '--rule', '--max-warnings', '--quiet', '--stdin', '--output']) {
      expect(help.stdout).toContain(flag);
    }
  });
});
