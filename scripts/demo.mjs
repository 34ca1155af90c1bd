// Lints the bundled example reports. Findings are the point of the demo, so exit code 1
// (lint errors found) is expected; only a crash or a usage error (2) fails it.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'examples/', ...process.argv.slice(2)], { stdio: 'inherit' });
if (result.status === 2 || result.status === null) process.exit(result.status ?? 2);
console.log('\nThe *-good.md reports have no errors; the *-poor.md reports show what audit-lint catches.');
