// Lints the realistic corpus (test/corpus) and, when present, the published reports in
// ../shared/corpus and the plain-text seed briefings in ../shared/seeds (text from PDFs, linted as
// Markdown). Prints per report: recall of its reviewer's expectations and must-not hits (where it
// has an NAME.expect.yaml), and warnings per KB; then every finding of the shared reports, so that
// each can be read as a reviewer would, and the count per rule.
//   npm run corpus [-- --quiet]   (--quiet: only the per-report lines and totals)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, judge, readExpectations } from './corpus-expectations.mjs';

const quiet = process.argv.includes('--quiet');
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
let musts = 0;
let found = 0;
let struckTotal = 0;
for (const { dir, ext, showFindings } of sets) {
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
if (musts > 0) console.log(`\ntest/corpus: recall ${found}/${musts} (${((100 * found) / musts).toFixed(1)}%), must-not hits ${struckTotal}`);
if (perRule.size > 0) {
  console.log('\nFindings per rule on the shared reports:');
  for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(24)} ${count}`);
  console.log(`  ${'total'.padEnd(24)} ${[...perRule.values()].reduce((a, b) => a + b, 0)}`);
}
