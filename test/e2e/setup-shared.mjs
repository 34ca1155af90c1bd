// What the real-VS-Code runners share: the in-host checks bundled for the extension host, and a
// workspace of example reports.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const HOST_TESTS = join(root, 'out/test/e2e-host/index.js');
export const RESULTS_FILE = '.audit-lint-e2e-results.json';

/** Bundle host/index.ts (which exports run()) for the extension host. */
export async function bundleHostTests() {
  await build({
    entryPoints: [join(root, 'test/e2e/host/index.ts')],
    outfile: HOST_TESTS,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/**
 * A temporary folder with copies of the example reports, and one as a Word document (draft.docx,
 * written by LibreOffice). The 7-minute briefings have no front matter, so the folder's settings
 * include every Markdown file, as a team keeping its reports in one folder would.
 */
export function exampleWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'audit-lint-e2e-'));
  cpSync(join(root, 'examples'), dir, { recursive: true, filter: (src) => !src.endsWith('.png') });
  cpSync(join(root, 'test/fixtures/docx/libreoffice/maca-report-poor.docx'), join(dir, 'draft.docx'));
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode/settings.json'), JSON.stringify({ 'auditLint.include': ['**/*.md'] }, null, 2));
  return dir;
}
