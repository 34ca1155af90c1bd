import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath, GOOD_REPORT, POOR_REPORT, workspace } from './run';

function run(args: string[], cwd: string, threads: string) {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', AUDIT_LINT_THREADS: threads },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each test starts four CLI processes that lint dozens of reports: on a busy machine that takes a while. */
const SPAWNING_TIMEOUT_MS = 120_000;

describe('linting many files on several threads', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reports exactly what one thread reports, in the same order', () => {
    const files: Record<string, string | Buffer> = {};
    // Just over the parallel threshold (50 files): two threads, each with a share of good, poor and unreadable files.
    for (let i = 0; i < 66; i++) {
      const name = `reports/${String(i).padStart(3, '0')}-${i % 7}.md`;
      files[name] = i % 3 === 0 ? POOR_REPORT : i % 11 === 0 ? Buffer.from([0xff, 0xfe, 0x00]) : GOOD_REPORT.replace('neglect', `neglect ${i}`);
    }
    dir = workspace(files);
    fs.mkdirSync(`${dir}/reports/folder.md`);
    for (const format of ['json', 'stylish']) {
      const one = run(['reports', '--format', format], dir, '1');
      const two = run(['reports', '--format', format], dir, '2');
      expect(two).toEqual(one);
      expect(one.status).toBe(2);
      expect(one.stdout.length).toBeGreaterThan(1000);
    }
  }, SPAWNING_TIMEOUT_MS);

  it('stops with the first usage error, as one thread does', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`r${i}.md`] = GOOD_REPORT;
    dir = workspace(files);
    const one = run(['.', '--profile', 'no-such-profile'], dir, '1');
    const two = run(['.', '--profile', 'no-such-profile'], dir, '2');
    expect(two).toEqual(one);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('unknown profile');
  }, SPAWNING_TIMEOUT_MS);
});
