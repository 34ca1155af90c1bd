// Theme tagging read on the published reports in ../shared/corpus (and the seed briefings in
// ../shared/seeds), when present: each tag with the words that signalled it and the words around
// them, and the reviewer's verdict from corpus-themes-review.json ("keep", or "strike: why").
// Prints the share of tags struck out (target: at most 10 %) and any tag not yet reviewed.
//   npm run corpus:themes
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared');
if (!existsSync(join(shared, 'corpus'))) {
  console.log('(no ../shared/corpus: nothing to read)');
  process.exit(0);
}
const bundle = join(root, 'out', 'corpus-themes.cjs');
await build({
  stdin: {
    contents: "export { lint } from './server/src/core/engine'; export { resolveSettings } from './server/src/core/config/settings'; export { tagThemes } from './server/src/core/programme/themes';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const { lint, resolveSettings, tagThemes } = createRequire(import.meta.url)(bundle);
const settings = resolveSettings(undefined, '(defaults)');
const review = JSON.parse(readFileSync(join(root, 'scripts', 'corpus-themes-review.json'), 'utf8'));

function reports(dir, ext) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) return reports(file, ext);
      return name.endsWith(ext) && name !== 'README.md' ? [file] : [];
    });
}

let tags = 0;
let struck = 0;
const unreviewed = [];
for (const file of [...reports(join(shared, 'corpus'), '.md'), ...reports(join(shared, 'seeds'), '.txt')]) {
  const name = relative(shared, file);
  const found = tagThemes(lint(readFileSync(file, 'utf8'), settings).model);
  if (found.length === 0) continue;
  console.log(`\n${name}`);
  for (const tag of found) {
    const verdict = review[`${name} ${tag.id}`];
    tags += 1;
    if (verdict === undefined) unreviewed.push(`${name} ${tag.id}`);
    else if (verdict.startsWith('strike')) struck += 1;
    console.log(`  ${tag.id.padEnd(44)} ${verdict ?? 'NOT REVIEWED'}\n      "${tag.evidence}" in: …${tag.context}…`);
  }
}
console.log(`\n${tags} tags, ${struck} struck out (${tags === 0 ? 0 : ((100 * struck) / tags).toFixed(1)} %; target at most 10 %), ${unreviewed.length} not reviewed`);
for (const key of unreviewed) console.log(`  not reviewed: ${key}`);
