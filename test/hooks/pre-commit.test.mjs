// The pre-commit hook as a user installs it: Debian's pre-commit reads this repository's
// .pre-commit-hooks.yaml, builds the hook's Node environment the way it always does (npm install in
// a clone of the repository, npm pack, npm install -g of the tarball) with the system's Node, and
// runs it on `git commit`. npm runs offline, from the cache `npm ci` filled.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'audit-lint-hooks-'));
const hookRepo = join(home, 'audit-lint');
const reports = join(home, 'reports');
const env = {
  ...process.env,
  PRE_COMMIT_HOME: join(home, 'pre-commit'),
  npm_config_offline: 'true',
  npm_config_update_notifier: 'false',
  NO_COLOR: '1',
  GIT_AUTHOR_NAME: 'Audit Team',
  GIT_AUTHOR_EMAIL: 'audit@example.org',
  GIT_COMMITTER_NAME: 'Audit Team',
  GIT_COMMITTER_EMAIL: 'audit@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();

before(() => {
  // The hook repository is this working tree as it is (committed or not), committed to a new repository.
  const files = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '-z').split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
    cpSync(join(root, file), join(hookRepo, file));
  }
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'audit-lint');

  mkdirSync(reports);
  git(reports, 'init', '-q');
  writeFileSync(join(reports, '.pre-commit-config.yaml'), [
    'repos:',
    `  - repo: ${hookRepo}`,
    `    rev: ${git(hookRepo, 'rev-parse', 'HEAD')}`,
    '    hooks:',
    '      - id: audit-lint',
    '        language_version: system',
    '',
  ].join('\n'));
  execFileSync('pre-commit', ['install'], { cwd: reports, env, stdio: 'ignore' });
  git(reports, 'add', '.pre-commit-config.yaml');
  git(reports, 'commit', '-q', '--no-verify', '-m', 'pre-commit configuration');
});

after(() => rmSync(home, { recursive: true, force: true }));

function commit(files, message) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(reports, name), text);
  git(reports, 'add', ...Object.keys(files));
  const result = spawnSync('git', ['commit', '-m', message], { cwd: reports, env, encoding: 'utf8', timeout: 600_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const example = (name) => readFileSync(join(root, 'examples', name), 'utf8');

test('a commit with a poor report is refused, naming its errors', { timeout: 600_000 }, () => {
  const head = git(reports, 'rev-parse', 'HEAD');
  const { status, output } = commit({ 'neglect-audit.md': example('maca-report-poor.md') }, 'Neglect audit');
  assert.notEqual(status, 0, `the commit went through:\n${output}`);
  assert.match(output, /^audit-lint\.+Failed$/m, output);
  assert.match(output, /neglect-audit\.md/, output);
  assert.match(output, /error +Placeholder "TBC" left in the report\./, output);
  assert.equal(git(reports, 'rev-parse', 'HEAD'), head, 'HEAD moved');
  git(reports, 'reset', '-q');
});

test('a commit with a good report and a file the hook does not check goes through', { timeout: 600_000 }, () => {
  const { status, output } = commit({ 'learning.md': example('learning-briefing-good.md'), 'notes.txt': 'TBC\n' }, 'Learning briefing');
  assert.equal(status, 0, output);
  assert.match(output, /^audit-lint\.+Passed$/m, output);
  assert.deepEqual(git(reports, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort(), ['learning.md', 'notes.txt']);
});
