// Builds the browser page (web/) into dist/site/: index.html, its styles, the page's script and the
// engine's worker script. No server code: the page is static and runs the engine in the browser.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const at = (relative) => fileURLToPath(new URL(relative, root));
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
const site = at('dist/site/');

rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });

const common = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { AUDIT_LINT_VERSION: JSON.stringify(version) },
};

/** mammoth reads the parts audit-lint's bounded zip reader hands it, in the browser as under Node. */
const wordParts = {
  name: 'word-parts',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/unzip$/ }, (args) => (args.importer.includes(`${sep}mammoth${sep}lib${sep}`) ? { path: at('web/src/mammoth-unzip.ts') } : undefined));
  },
};

await Promise.all([
  build({ ...common, entryPoints: [at('web/src/main.ts')], outfile: `${site}page.js` }),
  build({
    ...common,
    entryPoints: [at('web/src/worker.ts')],
    outfile: `${site}worker.js`,
    // The engine runs in a web worker, which has no DOM: packages with a worker build must use it.
    conditions: ['worker'],
    alias: { 'node:path': 'path-browserify', path: 'path-browserify', 'node:fs': at('web/src/no-files.ts'), 'node:zlib': at('web/src/inflate.ts') },
    inject: [at('scripts/buffer-global.js')],
    plugins: [wordParts],
  }),
]);
for (const file of ['index.html', 'style.css']) copyFileSync(at(`web/${file}`), `${site}${file}`);
// The scorecard looks as in the editor's preview: the same stylesheet, with the page's colours.
copyFileSync(at('media/preview.css'), `${site}scorecard.css`);
