// The GitHub Action's entry: reads the inputs the way the runner passes them (INPUT_<NAME>
// variables), writes SARIF when asked, then lints with the chosen format, so that with the default
// `github` format every finding annotates the pull request. Exits with the command line's code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

/** An input's value as the runner passes it: INPUT_ and the name in capitals, hyphens kept. */
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** One path or glob per line, or several on a line separated by spaces. */
function pathsFrom(value) {
  const lines = value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const paths = lines.length === 1 ? lines[0].split(/\s+/) : lines;
  return paths.length > 0 ? paths : ['.'];
}

function fail(message) {
  process.stdout.write(`::error title=audit-lint::${message}\n`);
  process.exit(2);
}

function lint(args, stdout) {
  const run = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', stdout, 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  if (run.error) fail(`could not run audit-lint: ${run.error.message}`);
  return run.status ?? 2;
}

if (!existsSync(CLI)) fail(`${CLI} is missing: the action's build step did not run`);
const paths = pathsFrom(input('paths'));
const format = input('format') || 'github';
const maxWarnings = input('max-warnings');
const sarif = input('sarif');
if (maxWarnings && !/^\d+$/.test(maxWarnings)) fail(`max-warnings must be a whole number, not "${maxWarnings}"`);

// SARIF for code scanning comes from its own run; only a usage or file error stops the action here.
if (sarif && lint(['--format', 'sarif', '--output', sarif, ...paths], 'ignore') === 2) process.exit(2);
process.exitCode = lint(['--format', format, ...(maxWarnings ? ['--max-warnings', maxWarnings] : []), ...paths], 'inherit');
