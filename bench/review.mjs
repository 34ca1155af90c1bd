// `node bench/review.mjs` (and `npm run bench`): a 60-page draft (about 150 KB of text, written as
// Word by pandoc) reviewed against its lint. Target: the review, which lints the draft and then
// writes the copy, takes at most twice the lint's time. Writes bench/review-results.json.
// BENCH_RUNS sets the runs of each (default 5). Needs pandoc (Debian pandoc).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compendium, random } from './generate.mjs';
import { measure, median } from './measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const TARGET_RATIO = 2;

if (!fs.existsSync(cli)) execFileSync(node, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const dir = path.join(root, 'bench', 'reports', 'review');
fs.mkdirSync(dir, { recursive: true });
const markdown = path.join(dir, 'draft-60-pages.md');
const draft = path.join(dir, 'draft-60-pages.docx');
const copy = path.join(dir, 'draft-60-pages.reviewed.docx');
fs.writeFileSync(markdown, compendium(random(60), 150_000));
try {
  execFileSync('pandoc', [markdown, '-o', draft]);
} catch {
  console.log('review: pandoc is not installed, so there is no Word draft to review; skipped');
  process.exit(0);
}

const samples = { lint: [], review: [] };
for (let round = 0; round < runs; round++) {
  for (const kind of round % 2 === 0 ? ['lint', 'review'] : ['review', 'lint']) {
    const args = kind === 'lint' ? [cli, draft] : [cli, 'review', draft, '-o', copy, '--force'];
    const sample = await measure(node, args);
    if (sample.code !== 0 && sample.code !== 1) throw new Error(`audit-lint ${kind} failed (exit ${sample.code}): ${sample.stderr}`);
    samples[kind].push(sample);
  }
}
const of = (kind, key) => median(samples[kind].map((s) => s[key]));
const comments = /(\d+) comments?/.exec(samples.review[0].stderr)?.[1];
const result = {
  draftBytes: fs.statSync(draft).size,
  copyBytes: fs.statSync(copy).size,
  comments: Number(comments),
  lintWallMs: of('lint', 'wallMs'),
  reviewWallMs: of('review', 'wallMs'),
  lintCpuMs: of('lint', 'cpuMs'),
  reviewCpuMs: of('review', 'cpuMs'),
};
result.wallRatio = result.reviewWallMs / result.lintWallMs;
result.cpuRatio = result.reviewCpuMs / result.lintCpuMs;
fs.writeFileSync(path.join(root, 'bench', 'review-results.json'), `${JSON.stringify(result, null, 2)}\n`);
const ms = (n) => `${Math.round(n)} ms`;
console.log(
  `review of a 60-page Word draft (${Math.round(result.draftBytes / 1024)} KB, ${result.comments} comments): ` +
    `lint ${ms(result.lintWallMs)} (CPU ${ms(result.lintCpuMs)}), review ${ms(result.reviewWallMs)} (CPU ${ms(result.reviewCpuMs)}): ` +
    `${result.cpuRatio.toFixed(2)}× the lint's CPU time, ${result.wallRatio.toFixed(2)}× its wall time (target at most ${TARGET_RATIO}×)`,
);
if (result.cpuRatio > TARGET_RATIO) process.exitCode = 1;
