import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/** Spawned-process tests run the bundles, so build them once, fresh, before any test. */
export default function setup(): void {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
