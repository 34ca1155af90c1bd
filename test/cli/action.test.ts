// The GitHub Action run as the runner runs a composite action: each step's script under bash, from
// the workspace, with GITHUB_ACTION_PATH set and the inputs (their defaults from action.yml, or
// the workflow's `with:`) passed through the step's INPUT_* environment.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GOOD_REPORT, POOR_REPORT, repoRoot, runCli, workspace } from './run';

interface Step { name: string; shell: string; run: string; env?: Record<string, string> }
interface ActionFile {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionFile;

/** A report with one warning and no errors (checked below against the command line). */
const WARNINGS_ONLY = `---
profile: learning-briefing
---

# Learning from neglect audits

## Methodology

Twelve cases were selected at random from children on a child protection plan for neglect. Police, health and children's social care audited their records in May 2025 and graded each case as outstanding, good, requires improvement or inadequate. Parents and children were asked for their views.

## Findings

Practitioners saw the children often and recorded what they said. Families were hard to reach.

## Learning

Practitioners should record the child's words in every visit note.
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function reports(): string {
  const dir = workspace({ 'reports/poor.md': POOR_REPORT, 'reports/good.md': GOOD_REPORT, 'briefings/warned.md': WARNINGS_ONLY });
  dirs.push(dir);
  return dir;
}

/** Replace ${{ inputs.name }} with the input's value, as the runner does before a step runs. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    expect(Object.keys(action.inputs), `unknown input ${name}`).toContain(name);
    return inputs[name];
  });
}

/** Run every step of the action in `cwd` with `with` as the workflow's inputs; stop at the first failing step. */
function runAction(cwd: string, withInputs: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, withInputs[name] ?? spec.default]));
  let stdout = '';
  let stderr = '';
  for (const step of action.runs.steps) {
    expect(step.shell).toBe('bash');
    const env: Record<string, string> = { ...process.env, GITHUB_ACTION_PATH: repoRoot, GITHUB_WORKSPACE: cwd, NO_COLOR: '1' };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(value, inputs);
    const result = spawnSync('bash', ['-e', '-c', expand(step.run, inputs)], { cwd, env, encoding: 'utf8' });
    stdout += result.stdout;
    stderr += result.stderr;
    if (result.status !== 0) return { status: result.status, stdout, stderr };
  }
  return { status: 0, stdout, stderr };
}

const annotations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::'));

describe('the GitHub Action', { timeout: 60_000 }, () => {
  it('is a composite action whose every input reaches the entry as INPUT_<NAME>', () => {
    expect(action.runs.using).toBe('composite');
    const passed = Object.assign({}, ...action.runs.steps.map((s) => s.env ?? {})) as Record<string, string>;
    for (const name of Object.keys(action.inputs)) {
      expect(passed[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
    }
  });

  it('annotates every finding of the linted reports and fails on errors', () => {
    const dir = reports();
    const result = runAction(dir, { paths: 'reports' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const expected = runCli(['--format', 'github', 'reports'], { cwd: dir }).stdout;
    expect(annotations(result.stdout)).toEqual(annotations(expected));
    expect(annotations(result.stdout).length).toBeGreaterThan(10);
    for (const line of annotations(result.stdout)) {
      expect(line).toMatch(/^::(error|warning|notice) file=reports\/poor\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=audit-lint [a-z-]+::\S/);
    }
    expect(runAction(dir, { paths: 'reports/good.md' }).status).toBe(0);
  });

  it('takes paths one per line and fails on warnings only beyond max-warnings', () => {
    const dir = reports();
    const summary = JSON.parse(runCli(['--format', 'json', 'briefings/warned.md'], { cwd: dir }).stdout).summary;
    expect([summary.errors, summary.warnings]).toEqual([0, 1]);
    expect(runAction(dir, { paths: 'briefings/warned.md\nreports/good.md' }).status).toBe(0);
    const strict = runAction(dir, { paths: 'briefings/warned.md\nreports/good.md', 'max-warnings': '0' });
    expect(strict.status).toBe(1);
    expect(annotations(strict.stdout)).toEqual([expect.stringMatching(/^::warning file=briefings\/warned\.md,.*title=audit-lint stigmatising-language::/)]);
    expect(runAction(dir, { paths: 'briefings/warned.md', 'max-warnings': '1' }).status).toBe(0);
  });

  it('writes SARIF for code scanning beside the annotations', () => {
    const dir = reports();
    const result = runAction(dir, { paths: 'reports briefings', sarif: 'audit-lint.sarif' });
    expect(result.status).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'audit-lint.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const json = JSON.parse(runCli(['--format', 'json', 'reports', 'briefings'], { cwd: dir }).stdout);
    const findings = json.summary.errors + json.summary.warnings + json.summary.infos;
    expect(sarif.runs[0].results).toHaveLength(findings);
    expect(annotations(result.stdout)).toHaveLength(findings);
  });

  it('refuses a max-warnings that is not a number, with an annotation saying why', () => {
    const dir = reports();
    const result = runAction(dir, { 'max-warnings': 'few' });
    expect(result.status).toBe(2);
    expect(annotations(result.stdout)).toEqual(['::error title=audit-lint::max-warnings must be a whole number, not "few"']);
  });

  it('stops with the command line\'s usage error for a format it does not know', () => {
    const dir = reports();
    const result = runAction(dir, { format: 'xml' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/xml/);
  });
});
