import { setFlagsFromString } from 'node:v8';
import { VERSION } from '../core/version';
import { HELP } from './help';

/** The linter's own bundle, next to this file; loaded only when there is work to do. */
const ENGINE = './cli-main.js';

const args = process.argv.slice(2);
// `--version` and `--help` alone are answered before the linter is loaded, so they answer at once.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
  process.stdout.write(HELP);
} else {
  // About 20 MB of each thread's heap outlives a report; the rest is one report's garbage. When full
  // collections are cheap, as here, V8 lets the heap grow up to fourfold before the next one, and that
  // garbage was most of a run's peak memory. Growing by a fifth costs a few short collections more.
  setFlagsFromString('--heap-growing-percent=20');
  (require(ENGINE) as typeof import('./main')).runFromCommandLine();
}
