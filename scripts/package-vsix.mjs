// Packages the VS Code extension as audit-lint.vsix. package.json is both the extension's manifest
// and the npm package's, and its `files` list is the npm package's; vsce would read that list too,
// so the extension is staged in out/vsix without it and .vscodeignore chooses what the .vsix holds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = join(root, 'out/vsix');
const output = resolve(root, process.argv[2] ?? 'audit-lint.vsix');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
delete manifest.files;
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
// Everything .vscodeignore may let through; it leaves out the rest (source maps among them).
for (const entry of ['.vscodeignore', 'README.md', 'LICENSE', 'dist', 'media', 'snippets', 'syntaxes', 'schemas', 'docs']) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', output], { cwd: stage, stdio: 'inherit' });
