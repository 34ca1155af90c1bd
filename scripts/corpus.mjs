// Lints the realistic corpus (test/corpus) and, when present, the published reports in
// ../shared/corpus and the plain-text seed briefings in ../shared/seeds (text from PDFs, linted as
// Markdown). Prints per report: recall of its reviewer's expectations and must-not hits (where it
// has an NAME.expect.yaml), and warnings per KB; then every finding of the shared reports, so that
// each can be read as a reviewer would, and the count per rule.
// Then each batch of published reports in ../shared/corpus/real (a folder with an expected.json):
// recall of its `must` entries, `must_not` hits, errors + warnings per KB.
//   npm run corpus [-- --quiet] [-- --batch N[,N…]]
//   (--quiet: only the per-report lines and totals; --batch: only these real batches)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, describeJson, judge, judgeBatch, readExpectations } from './corpus-expectations.mjs';

const quiet = process.argv.includes('--quiet');
const batchArg = process.argv.indexOf('--batch');
const onlyBatches = batchArg < 0 ? undefined : new Set(process.argv[batchArg + 1].split(','));
const sets = [
  { dir: join('test', 'corpus'), ext: '.md', showFindings: false },
  { dir: join('..', 'shared', 'corpus'), ext: '.md', showFindings: !quiet },
  { dir: join('..', 'shared', 'seeds'), ext: '.txt', showFindings: !quiet },
];

function lintFile(file) {
  const name = file.endsWith('.txt') ? `${basename(file, '.txt')}.md` : file;
  const run = spawnSync(process.execPath, ['dist/cli.js', '--stdin', '--stdin-filename', name, '--format', 'json'], {
    encoding: 'utf8',
    input: readFileSync(file, 'utf8'),
  });
  if (run.status === 2) {
    process.stderr.write(run.stderr);
    process.exit(2);
  }
  return JSON.parse(run.stdout).results[0];
}

const perRule = new Map();
const realDir = join('..', 'shared', 'corpus', 'real');
let musts = 0;
let found = 0;
let struckTotal = 0;
for (const { dir, ext, showFindings } of onlyBatches ? [] : sets) {
  if (!existsSync(dir)) {
    console.log(`(no ${dir})`);
    continue;
  }
  console.log(`\n${dir}`);
  const files = readdirSync(dir).filter((f) => f.endsWith(ext) && f !== 'README.md').sort();
  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const result = lintFile(file);
    const diagnostics = result.diagnostics;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const perKb = (warnings / (Buffer.byteLength(text) / 1024)).toFixed(1);
    let line = `  ${name.padEnd(40)} ${String(errors).padStart(2)} errors ${String(warnings).padStart(3)} warnings (${perKb}/KB) ${String(diagnostics.length - errors - warnings).padStart(3)} infos`;
    const expectFile = join(dir, name.replace(/\.(md|txt)$/, '.expect.yaml'));
    let details = [];
    if (existsSync(expectFile)) {
      const expectations = readExpectations(readFileSync(expectFile, 'utf8'), expectFile);
      const judged = judge(text, diagnostics, expectations, file);
      musts += expectations.must.length;
      found += judged.found.length;
      struckTotal += judged.struck.length;
      line += `  recall ${judged.found.length}/${expectations.must.length}  must-not hits ${judged.struck.length}`;
      details = [
        ...judged.missed.map((entry) => `      missed: ${describe(entry)}${entry.class ? ` (class ${entry.class})` : ''}`),
        ...judged.struck.map(({ entry, finding }) => `      must-not hit: ${describe(entry)} at ${finding.line}:${finding.column}: ${finding.message}`),
      ];
    }
    console.log(line);
    for (const detail of details) console.log(detail);
    if (showFindings) {
      for (const d of diagnostics) {
        console.log(`      ${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
        perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
      }
    }
  }
}
const batchTotals = { musts: 0, found: 0, struck: 0, bytes: 0, loud: 0 };
const batches = existsSync(realDir)
  ? readdirSync(realDir).filter((name) => existsSync(join(realDir, name, 'expected.json'))).sort()
  : [];
for (const batch of batches) {
  if (onlyBatches && !onlyBatches.has(batch.replace(/^batch-/, ''))) continue;
  const dir = join(realDir, batch);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const findingsByFile = new Map();
  let bytes = 0;
  let loud = 0;
  console.log(`\n${dir}`);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const diagnostics = lintFile(join(dir, name)).diagnostics;
    findingsByFile.set(name, diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    bytes += Buffer.byteLength(text);
    loud += errors + warnings;
    console.log(`  ${name.padEnd(56)} ${String(errors).padStart(2)} errors ${String(warnings).padStart(3)} warnings ${String(diagnostics.length - errors - warnings).padStart(3)} infos`);
    if (!quiet) {
      for (const d of diagnostics) {
        console.log(`      ${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
        perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
      }
    }
  }
  const judged = judgeBatch(expected, findingsByFile);
  for (const entry of judged.missed) console.log(`    missed: ${describeJson(entry)}`);
  for (const { entry, finding } of judged.struck) console.log(`    must-not hit: ${describeJson(entry)} at ${finding.line}:${finding.column}: ${finding.message}`);
  const total = (expected.must ?? []).length;
  const kb = bytes / 1024;
  console.log(`  ${batch}: recall ${judged.found.length}/${total} (${((100 * judged.found.length) / total).toFixed(1)}%), must-not hits ${judged.struck.length}, errors + warnings ${(loud / kb).toFixed(2)} per KB`);
  batchTotals.musts += total;
  batchTotals.found += judged.found.length;
  batchTotals.struck += judged.struck.length;
  batchTotals.bytes += bytes;
  batchTotals.loud += loud;
}
if (batchTotals.musts > 0) {
  const { musts: all, found: met, struck, bytes, loud } = batchTotals;
  console.log(`\nreal batches: recall ${met}/${all} (${((100 * met) / all).toFixed(1)}%), must-not hits ${struck}, errors + warnings ${(loud / (bytes / 1024)).toFixed(2)} per KB`);
}
if (musts > 0) console.log(`\ntest/corpus: recall ${found}/${musts} (${((100 * found) / musts).toFixed(1)}%), must-not hits ${struckTotal}`);
if (perRule.size > 0) {
  console.log('\nFindings per rule on the shared reports:');
  for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(24)} ${count}`);
  console.log(`  ${'total'.padEnd(24)} ${[...perRule.values()].reduce((a, b) => a + b, 0)}`);
}
