// Runs the extension host checks of host/index.ts in desktop VS Code with @vscode/test-electron,
// for CI machines that can download VS Code (set VSCODE_VERSION to pin one; default: stable).
// Needs a display: on Linux run it under xvfb-run. Exit code 0 when every check passed.
//
//   node test/e2e/electron-runner.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleHostTests, exampleWorkspace, HOST_TESTS, RESULTS_FILE, root } from './setup-shared.mjs';

execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
await bundleHostTests();
const workspace = exampleWorkspace();

let exitCode = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: HOST_TESTS,
    // The folder first; installed extensions off (the one under development and built-in ones still
    // load). runTests adds --skip-welcome, --disable-workspace-trust and a private profile itself.
    launchArgs: [workspace, '--disable-extensions'],
  });
} catch (error) {
  // runTests rejects when VS Code exits with a non-zero code, i.e. when run() rejected.
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
}

try {
  const results = JSON.parse(readFileSync(join(workspace, RESULTS_FILE), 'utf8'));
  for (const result of results) console.log(`${result.ok ? 'ok' : 'not ok'} - ${result.name} (${result.ms} ms)${result.ok ? '' : `\n${result.error}`}`);
  if (results.some((result) => !result.ok)) exitCode = 1;
} catch {
  console.error('The extension host wrote no results.');
  exitCode = 1;
}
rmSync(workspace, { recursive: true, force: true });
process.exit(exitCode);
