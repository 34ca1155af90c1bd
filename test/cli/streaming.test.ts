import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../server/src/cli/main';
import { cliPath, GOOD_REPORT, POOR_REPORT, temporaryWorkspaces } from './run';

const ws = temporaryWorkspaces();

/** Runs the command line in this process, recording what goes to each stream in the order it was written. */
async function runRecorded(args: string[], cwd: string): Promise<{ status: number; writes: [stream: 'out' | 'err', text: string][] }> {
  const writes: [stream: 'out' | 'err', text: string][] = [];
  const recorder = (stream: 'out' | 'err') => ({ write: (text: string) => writes.push([stream, text]) > 0 }) as unknown as NodeJS.WritableStream;
  const io: Io = { cwd, stdout: recorder('out'), stderr: recorder('err'), readStdin: async () => '' };
  return { status: await main(args, io), writes };
}

function run(args: string[], cwd: string, threads: string) {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', AUDIT_LINT_THREADS: threads } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Each test starts CLI processes that lint dozens of reports: on a busy machine that takes a while. */
const SPAWNING_TIMEOUT_MS = 300_000;

describe('the report is written file by file', () => {
  it('writes each file’s part as soon as it is linted, before the files after it are read', async () => {
    const dir = ws({ 'a.md': POOR_REPORT, 'b.md': Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'c.md': POOR_REPORT.replace('neglect', 'exploitation') });
    const { status, writes } = await runRecorded(['a.md', 'b.md', 'c.md', '--format', 'github'], dir);
    expect(status).toBe(2);
    const order = writes.map(([stream, text]) => `${stream} ${/file=([abc])\.md/.exec(text)?.[1] ?? /^audit-lint: ([abc])\.md/.exec(text)?.[1] ?? '?'}`);
    // a's annotations, then b's read error, then c's annotations: nothing held back until the end.
    expect(order).toEqual(['out a', 'err b', 'out c']);
    expect(writes[0][1].split('\n').every((line) => line === '' || line.includes('file=a.md'))).toBe(true);
    expect(writes[1][1]).toBe('audit-lint: b.md: looks like a binary file (it contains NUL bytes), not Markdown\n');
  });

  it('writes to --output exactly what it prints, in every format, on one thread and two', () => {
    const files: Record<string, string> = {};
    // Over the parallel threshold (50 files), so two threads share them.
    for (let i = 0; i < 56; i++) files[`reports/${String(i).padStart(2, '0')}.md`] = i % 4 === 0 ? GOOD_REPORT : POOR_REPORT.replace('neglect', `neglect ${i}`);
    const dir = ws(files);
    for (const format of ['json', 'stylish', 'github', 'sarif', 'junit']) {
      const printed = run(['reports', '--format', format], dir, '2');
      expect(printed.status, format).toBe(1);
      expect(printed.stdout.length, format).toBeGreaterThan(5000);
      // JSON and stylish are compared with one thread in parallel.test.ts.
      if (format === 'github') expect(run(['reports', '--format', format], dir, '1'), format).toEqual(printed);
      const written = run(['reports', '--format', format, '--output', `report.${format}`], dir, '2');
      expect(written, format).toEqual({ status: 1, stdout: '', stderr: '' });
      expect(fs.readFileSync(path.join(dir, `report.${format}`), 'utf8'), format).toBe(printed.stdout);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['report.github', 'report.json', 'report.junit', 'report.sarif', 'report.stylish', 'reports']);
  }, SPAWNING_TIMEOUT_MS);

  it('writes nothing when a configuration deep in the run is invalid, to standard output or to --output', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`reports/${String(i).padStart(2, '0')}.md`] = POOR_REPORT;
    files['reports/late/.auditlintrc.json'] = '{ "rules": { "placeholder": "loud" } }';
    files['reports/late/z.md'] = POOR_REPORT;
    const dir = ws(files);
    for (const format of ['json', 'stylish']) {
      const printed = run(['reports', '--format', format], dir, '2');
      expect(printed.status).toBe(2);
      expect(printed.stdout).toBe('');
      expect(printed.stderr).toMatch(/late[/\\]\.auditlintrc\.json: "rules\.placeholder": expected one of/);
      const written = run(['reports', '--format', format, '--output', 'report.txt'], dir, '2');
      expect(written.status).toBe(2);
      expect(written.stderr).toBe(printed.stderr);
    }
    expect(fs.readdirSync(dir)).toEqual(['reports']);
  }, SPAWNING_TIMEOUT_MS);

  it('reports an --output it cannot write by name, after linting, and leaves nothing behind', () => {
    const dir = ws({ 'r.md': POOR_REPORT });
    const result = run(['r.md', '--format', 'json', '--output', 'missing/report.json'], dir, '1');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('audit-lint: missing/report.json: cannot be written (ENOENT)\n');
    expect(fs.readdirSync(dir)).toEqual(['r.md']);
  });

  it('stops with a clear message when the reader closes standard output early', async () => {
    const files: Record<string, string> = {};
    // About 16 KB of JSON a file: far more than a pipe holds once the reader has stopped reading.
    for (let i = 0; i < 40; i++) files[`r${i}.md`] = POOR_REPORT;
    const dir = ws(files);
    const child = spawn(process.execPath, [cliPath, '.', '--format', 'json'], { cwd: dir, env: { ...process.env, AUDIT_LINT_THREADS: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      expect(chunk.toString('utf8').startsWith('{"version":1,"results":[')).toBe(true);
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    expect(stderr).toBe('audit-lint: standard output was closed before the whole report was written\n');
  }, SPAWNING_TIMEOUT_MS);
});
