// `npm run bench`: audit-lint beside what users already run, every figure beside its target.
// Writes bench/results.json. BENCH_RUNS sets the runs per command (default 5); BENCH_BASELINE, the
// cli.js of another build (an earlier commit's dist/), adds it to the same alternating runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compendium, random, report, writeReports } from './generate.mjs';
import { measure, median } from './measure.mjs';
import { editLatency, staleLints, startupAndMemory, TimedOut, TIME_LIMIT_MS, typingLatency } from './editor.mjs';
import { printTable } from './table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const node = process.execPath;
const cli = path.join(root, 'dist', 'cli.js');
const server = path.join(root, 'dist', 'server.js');

execFileSync(node, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const reports = writeReports(path.join(root, 'bench', 'reports'));
console.log(`${reports.files.length} reports, ${(reports.bytes / 1024 / 1024).toFixed(1)} MB; ${os.availableParallelism()} cores; ${runs} runs each, alternating`);

// markdownlint-cli2 with its default rules, as a project that adopts it runs it.
fs.writeFileSync(path.join(reports.corpus, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: true }, noProgress: true }));
const commands = {
  cli: [node, [cli, reports.corpus]],
  markdownlint: [node, [path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.md'], { cwd: reports.corpus }],
  bareParse: [node, [path.join(root, 'bench', 'bare-parse.mjs'), reports.corpus]],
  // The reference for what the word-comparing rules cost: the same run without them.
  cliWithoutConsistency: [node, [cli, reports.corpus, '--rule', 'consistent-terms=off', '--rule', 'uk-spelling=off']],
  ...(process.env.BENCH_BASELINE ? { baseline: [node, [path.resolve(process.env.BENCH_BASELINE), reports.corpus]] } : {}),
};

// Alternate the commands, rotating which goes first, so drift in the machine's load hits all alike.
const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const names = Object.keys(commands);
for (let round = 0; round < runs; round++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(round + i) % names.length];
    const [command, args, options] = commands[name];
    const sample = await measure(command, args, options);
    if ((name.startsWith('cli') || name === 'baseline') && sample.code !== 0 && sample.code !== 1) throw new Error(`audit-lint failed (exit ${sample.code}): ${sample.stderr}`);
    samples[name].push(sample);
    process.stdout.write('.');
  }
}
process.stdout.write('\n');
const summary = (name) => ({
  wallMs: median(samples[name].map((s) => s.wallMs)),
  cpuMs: median(samples[name].map((s) => s.cpuMs)),
  peakRssMb: median(samples[name].map((s) => s.peakRssMb)),
});
const batch = Object.fromEntries(names.map((name) => [name, summary(name)]));

// A 60-page report (about 150 KB of text) as Markdown and as Word (written by pandoc, when installed).
let word;
const wordDir = path.join(root, 'bench', 'reports', 'word');
fs.mkdirSync(wordDir, { recursive: true });
const wordMarkdown = path.join(wordDir, 'report-60-pages.md');
const wordDocx = path.join(wordDir, 'report-60-pages.docx');
fs.writeFileSync(wordMarkdown, compendium(random(60), 150_000));
try {
  execFileSync('pandoc', [wordMarkdown, '-o', wordDocx]);
} catch {
  console.log('pandoc is not installed: the Word figure is skipped');
}
if (fs.existsSync(wordDocx)) {
  const wordSamples = { md: [], docx: [] };
  for (let round = 0; round < runs; round++) {
    for (const kind of round % 2 === 0 ? ['md', 'docx'] : ['docx', 'md']) {
      const sample = await measure(node, [cli, kind === 'md' ? wordMarkdown : wordDocx]);
      if (sample.code !== 0 && sample.code !== 1) throw new Error(`audit-lint failed on the ${kind} (exit ${sample.code}): ${sample.stderr}`);
      wordSamples[kind].push(sample);
    }
  }
  const of = (kind, key) => median(wordSamples[kind].map((s) => s[key]));
  word = { markdownBytes: fs.statSync(wordMarkdown).size, docxBytes: fs.statSync(wordDocx).size, mdWallMs: of('md', 'wallMs'), docxWallMs: of('docx', 'wallMs'), mdCpuMs: of('md', 'cpuMs'), docxCpuMs: of('docx', 'cpuMs') };
}

const versionRuns = [];
for (let i = 0; i < 15; i++) versionRuns.push((await measure(node, [cli, '--version'])).wallMs);

const results = {
  date: new Date().toISOString(),
  machine: { cores: os.availableParallelism(), cpu: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
  corpus: { files: reports.files.length, bytes: reports.bytes },
  runs,
  batch,
  versionMs: median(versionRuns),
  word,
  editor: undefined,
};

const save = () => fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
save();

/** An editor figure, or the time limit (reported as over its target) when the server did not answer in time. */
async function timed(measureIt) {
  try {
    return await measureIt();
  } catch (error) {
    if (!(error instanceof TimedOut)) throw error;
    return undefined;
  }
}

if (fs.existsSync(server)) {
  process.stdout.write('language server: ');
  const text60k = fs.readFileSync(reports.large60k, 'utf8');
  const text5m = fs.readFileSync(reports.large5m, 'utf8');
  const text5mOneSection = fs.readFileSync(reports.large5mOneSection, 'utf8');
  const over = { readyMs: TIME_LIMIT_MS, rssMb: Infinity, editMs: TIME_LIMIT_MS, hoverMs: TIME_LIMIT_MS, completionMs: TIME_LIMIT_MS, codeActionMs: TIME_LIMIT_MS };
  const startup = (await timed(() => startupAndMemory(server, text60k, 20))) ?? over;
  process.stdout.write('.');
  const small = (await timed(() => editLatency(server, text60k, 30))) ?? over;
  process.stdout.write('.');
  const large = (await timed(() => editLatency(server, text5m, 5, { probe: true }))) ?? over;
  process.stdout.write('.');
  const oneSection = (await timed(() => editLatency(server, text5mOneSection, 5, { probe: true }))) ?? over;
  process.stdout.write('.');
  const stale = await timed(() => staleLints(server, text5m));
  process.stdout.write('.');
  // A report of about 22 KB typed into with the server's own wait after each keystroke, beside the
  // fixed 200 ms wait it used to have, alternating.
  const text22k = report(random(22), 25_000);
  const typing = { own: [], fixed200: [] };
  for (let round = 0; round < 2; round++) {
    for (const kind of round % 2 === 0 ? ['own', 'fixed200'] : ['fixed200', 'own']) {
      const measured = await timed(() => typingLatency(server, text22k, 10, kind === 'own' ? {} : { debounceMs: 200 }));
      if (measured) typing[kind].push(measured.typingMs);
    }
  }
  process.stdout.write('.\n');
  results.editor = {
    readyMs: startup.readyMs,
    rss20Mb: startup.rssMb,
    edit60kMs: small.editMs,
    edit5mMs: large.editMs,
    hover5mMs: large.hoverMs,
    completion5mMs: large.completionMs,
    codeAction5mMs: large.codeActionMs,
    edit5mOneSectionMs: oneSection.editMs,
    hover5mOneSectionMs: oneSection.hoverMs,
    completion5mOneSectionMs: oneSection.completionMs,
    codeAction5mOneSectionMs: oneSection.codeActionMs,
    stale,
    typingBytes: Buffer.byteLength(text22k),
    typing22kMs: typing.own.length ? median(typing.own) : undefined,
    typing22kFixed200Ms: typing.fixed200.length ? median(typing.fixed200) : undefined,
  };
  save();
}
printTable(results);

// The programme summary of 200 reports, a 60-page Word draft reviewed against its lint, and the
// browser page on the same draft, each measured by its own script.
const { summaryBench, summaryLine } = await import('./summary.mjs');
results.summary = await summaryBench(runs);
save();
console.log(summaryLine(results.summary));
execFileSync(node, [path.join(root, 'bench', 'review.mjs')], { stdio: 'inherit' });
try {
  execFileSync(node, [path.join(root, 'bench', 'web.mjs')], { stdio: 'inherit' });
} catch (error) {
  console.log(`the browser page figure was not measured: ${error.message.split('\n')[0]}`);
}
