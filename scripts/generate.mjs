// Writes the files generated from rule metadata (see scripts/generated.ts).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'generate.cjs');
await build({ entryPoints: [join(root, 'scripts', 'generated.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const { generatedFiles, withContributedSettings, withRuleTable } = createRequire(import.meta.url)(bundle);
rmSync(join(root, 'docs', 'rules'), { recursive: true, force: true });
for (const [file, content] of Object.entries(generatedFiles())) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), content);
}
const readme = join(root, 'README.md');
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')));
const manifest = join(root, 'package.json');
writeFileSync(manifest, withContributedSettings(JSON.parse(readFileSync(manifest, 'utf8'))));
console.log(`generated ${Object.keys(generatedFiles()).length} files the README rule table and the extension's settings`);
