// The programme summary of 200 seeded reports (`audit-lint summary`, HTML): target under 3 s.
// Run alone with `node bench/summary.mjs` (after npm run build), or from bench/run.mjs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { random, report } from './generate.mjs';
import { measure, median } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SUMMARY_REPORTS = 200;
export const SUMMARY_TARGET_MS = 3000;

/** Write the 200 reports once per seed; each has a date, so due dates such as "within 6 months" are read. */
function writeProgramme(dir, seed = 20261207) {
  const stamp = path.join(dir, '.seed');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === `${seed}:${SUMMARY_REPORTS}`) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rng = random(seed);
  for (let i = 0; i < SUMMARY_REPORTS; i++) {
    const date = `date: ${2021 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-15\n`;
    const body = report(rng, rng.int(5000, 8500));
    const text = body.startsWith('---\n') ? body.replace(/^---\n/, `---\n${date}`) : `---\n${date}---\n\n${body}`;
    fs.writeFileSync(path.join(dir, `audit-${String(i).padStart(3, '0')}.md`), text);
  }
  fs.writeFileSync(stamp, `${seed}:${SUMMARY_REPORTS}`);
}

/** Median wall and CPU time of the summary over `runs` runs. */
export async function summaryBench(runs = 3) {
  const dir = path.join(root, 'bench', 'reports', 'programme');
  writeProgramme(dir);
  const output = path.join(root, 'bench', 'reports', 'programme.html');
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = await measure(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', dir, '--today', '2026-12-07', '-o', output]);
    if (sample.code !== 0) throw new Error(`audit-lint summary failed (exit ${sample.code}): ${sample.stderr}`);
    samples.push(sample);
  }
  return {
    reports: SUMMARY_REPORTS,
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakRssMb: median(samples.map((s) => s.peakRssMb)),
    pageKb: Math.round(fs.statSync(output).size / 1024),
    targetMs: SUMMARY_TARGET_MS,
  };
}

/** The figures as one line, beside the target. */
export function summaryLine(result) {
  const ms = (value) => `${(value / 1000).toFixed(2)} s`;
  return `summary of ${result.reports} reports: ${ms(result.wallMs)} wall (target < ${ms(result.targetMs)}), ${ms(result.cpuMs)} CPU, ${Math.round(result.peakRssMb)} MB, page ${result.pageKb} KB`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summaryLine(await summaryBench(Math.max(1, Number(process.env.BENCH_RUNS) || 3))));
}
