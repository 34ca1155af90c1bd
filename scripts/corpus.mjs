// Lints the published reports in ../shared/corpus (when present) and prints every finding, then
// the count per rule, so that each can be read as a reviewer would.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const corpus = process.argv[2] ?? join('..', 'shared', 'corpus');
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}; nothing to do.`);
  process.exit(0);
}
const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => join(corpus, f));
const run = spawnSync(process.execPath, ['dist/cli.js', ...files, '--format', 'json'], { encoding: 'utf8' });
if (run.status === 2) {
  process.stderr.write(run.stderr);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const perRule = new Map();
for (const result of report.results) {
  console.log(`\n${result.file} (${result.profile})`);
  for (const d of result.diagnostics) {
    console.log(`  ${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
    perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
  }
}
console.log('\nFindings per rule:');
for (const [rule, count] of [...perRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(24)} ${count}`);
console.log(`  ${'total'.padEnd(24)} ${[...perRule.values()].reduce((a, b) => a + b, 0)} in ${report.summary.files} files`);
