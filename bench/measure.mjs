// Runs a command to completion and measures its wall time, CPU time (user + system) and peak RSS.
// Node processes report their own usage through rusage-hook.cjs; the figures of every Node process
// in the tree are combined (CPU summed, peak RSS summed: an upper bound when they overlap).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const hook = fileURLToPath(new URL('./rusage-hook.cjs', import.meta.url));

export async function measure(command, args, { cwd } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-rusage-'));
  const env = {
    ...process.env,
    AUDIT_LINT_BENCH_RUSAGE: dir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(hook)}`.trim(),
    NO_COLOR: '1',
  };
  const start = performance.now();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stdout.resume(); // consume the report, as a terminal or CI log would
    child.stderr.on('data', (chunk) => {
      if (err.length < 4000) err += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ code: exitCode, stderr: err }));
  });
  const wallMs = performance.now() - start;
  const records = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  fs.rmSync(dir, { recursive: true, force: true });
  if (records.length === 0) throw new Error(`${command} ${args.join(' ')}: no usage recorded (exit ${code}): ${stderr}`);
  return {
    code,
    stderr,
    wallMs,
    cpuMs: records.reduce((sum, r) => sum + (r.userUs + r.systemUs) / 1000, 0),
    peakRssMb: records.reduce((sum, r) => sum + r.maxRssKb / 1024, 0),
    processes: records.length,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
