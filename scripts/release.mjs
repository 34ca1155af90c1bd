// npm run release: builds the extension (.vsix) and the npm package (.tgz) into out/release/ and
// checks both: what each holds, what it must hold, and its size. Exits 1 on any problem.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'out/release');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const MEGABYTE = 1024 * 1024;

const rules = {
  // The npm package is the command line and the server; the extension also carries their browser
  // builds and the Word reader and writer, so it is allowed more.
  npm: {
    maxBytes: 2 * MEGABYTE,
    allowed: [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/[\w-]+\.js$/, /^schemas\/[\w.-]+\.json$/, /^docs\/rules\/[a-z-]+\.md$/],
    required: ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'schemas/auditlintrc.schema.json'],
  },
  vsix: {
    maxBytes: 3 * MEGABYTE,
    allowed: [
      /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/, /^extension\/(package\.json|readme\.md|LICENSE\.txt)$/,
      /^extension\/dist\/([\w-]+\/)?[\w-]+\.js$/, /^extension\/(media|snippets|syntaxes|schemas)\/[\w.-]+$/, /^extension\/docs\/rules\/[a-z-]+\.md$/,
    ],
    required: [
      'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/media/preview.css',
      'extension/snippets/audit-report.code-snippets', 'extension/syntaxes/audit-lint.injection.tmLanguage.json', 'extension/schemas/auditlintrc.schema.json',
      ...(manifest.browser ? [`extension/${manifest.browser.replace(/^\.\//, '')}`] : []),
    ],
  },
};

/** The entries of a zip file (a .vsix), from its central directory: name, and a way to read the text. */
function zipEntries(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const [method, compressed, nameLength, extraLength, commentLength, local] = [
      zip.readUInt16LE(at + 10), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32), zip.readUInt32LE(at + 42),
    ];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const text = () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    };
    entries.push({ name, text });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function check(kind, file, files) {
  const problems = [];
  const size = statSync(file).size;
  for (const name of files) if (!rules[kind].allowed.some((pattern) => pattern.test(name))) problems.push(`holds ${name}, which does not belong in it`);
  for (const name of rules[kind].required) if (!files.includes(name)) problems.push(`lacks ${name}`);
  if (size > rules[kind].maxBytes) problems.push(`is ${size} bytes, over ${rules[kind].maxBytes}`);
  console.log(`${file.slice(root.length)}  ${(size / 1024).toFixed(0)} KB packed, ${files.length} files`);
  return problems.map((problem) => `${kind}: ${file.slice(root.length)} ${problem}`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
const vsix = join(out, `audit-lint-${manifest.version}.vsix`);
execFileSync(process.execPath, [join(root, 'scripts/package-vsix.mjs'), vsix], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: root, encoding: 'utf8' }));
const tarball = join(out, packed.filename);

const entries = zipEntries(vsix);
const problems = [...check('npm', tarball, packed.files.map((f) => f.path)), ...check('vsix', vsix, entries.map((e) => e.name))];
if (manifest.private) problems.push('npm: package.json is private, so it cannot be published');
if (Object.keys(manifest.dependencies ?? {}).length > 0) problems.push('npm: the package has runtime dependencies; everything should be bundled');
const packedManifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json').text());
if (packedManifest.version !== manifest.version) problems.push(`vsix: version ${packedManifest.version}, not ${manifest.version}`);
if (packedManifest.files) problems.push('vsix: its package.json still has the npm package\'s files list');

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`audit-lint ${manifest.version}: both packages checked.`);
