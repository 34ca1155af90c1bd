// Bundles the CLI, the language server and the extension client with esbuild.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minifySyntax: true,
  minifyWhitespace: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies are ES modules that read import.meta.url; give the CommonJS bundle a real one.
  define: { AUDIT_LINT_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
  inject: [fileURLToPath(new URL('./import-meta-url.js', import.meta.url))],
};

const entries = [
  // The command answers --version and --help from a small file and loads the linter's bundle for the rest.
  { in: 'server/src/cli/bin.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', external: ['./cli-main.js'] },
  // The Word and web page writers load only when a report is exported.
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js', external: ['./export.js'] },
  { in: 'server/src/formats/export/index.ts', out: 'dist/export.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js', banner: '#!/usr/bin/env node' },
  // The extension loads the Word reader and writers only when a report is imported or exported.
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode', './export.js', './word-reader.js'] },
  { in: 'client/src/word-reader.ts', out: 'dist/word-reader.js' },
];

// VS Code for the Web: the extension in the browser's extension host and the server in a web worker.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  define: { AUDIT_LINT_VERSION: JSON.stringify(version) },
  inject: [],
  // The core and the server use node:path on paths that are posix-style in a browser too.
  alias: { 'node:path': 'path-browserify', path: 'path-browserify' },
  // Both run in web workers, which have no DOM: packages with a worker build must use it.
  conditions: ['worker'],
};
const browserEntries = [
  { in: 'client/src/browser/extension.ts', out: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
  { in: 'server/src/lsp/browserMain.ts', out: 'dist/web/server.js', format: 'iife' },
];

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        ...common,
        entryPoints: [entry.in],
        outfile: entry.out,
        external: entry.external ?? [],
        banner: entry.banner ? { js: entry.banner } : undefined,
      }),
    )
    .concat(
      browserEntries
        .filter((entry) => existsSync(entry.in))
        .map((entry) => build({ ...browser, entryPoints: [entry.in], outfile: entry.out, format: entry.format, external: entry.external ?? [] })),
    ),
);
