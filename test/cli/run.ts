import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';

export const repoRoot = path.join(__dirname, '..', '..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding the given files, removed by the caller's afterEach (or use temporaryWorkspaces). */
export function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export const GOOD_REPORT = fs.readFileSync(path.join(repoRoot, 'examples', 'maca-report-good.md'), 'utf8');
export const POOR_REPORT = fs.readFileSync(path.join(repoRoot, 'examples', 'maca-report-poor.md'), 'utf8');

/** A workspace maker for one test file: each folder it makes is removed after its test. */
export function temporaryWorkspaces(): (files: Record<string, string | Buffer>) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (files) => {
    const dir = workspace(files);
    dirs.push(dir);
    return dir;
  };
}
