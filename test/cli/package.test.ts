// The npm package as a user gets it: packed, installed from its tarball into an empty folder with
// no network and an empty npm cache (so it must have no runtime dependencies), then run through
// `npx audit-lint` and `audit-lint-server --stdio`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_REPORT, POOR_REPORT, repoRoot, runCli } from './run';

const MAX_PACKED_BYTES = 2 * 1024 * 1024;
/** What the package may hold: the bundles that run, the schema, the rule pages, README, LICENSE. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^dist\/[\w-]+\.js$/, /^schemas\/[\w.-]+\.json$/, /^docs\/rules\/[a-z-]+\.md$/];

let dir: string;
let packed: { filename: string; size: number; files: { path: string }[] };
let manifest: Record<string, unknown>;

/** npm with its own empty cache and no network: anything it would have to download fails. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: path.join(dir, 'npm-cache'), npm_config_userconfig: path.join(dir, 'npmrc') },
  });
}

/**
 * Start a language server over stdio in `cwd`, initialize it as an editor would, open the poor
 * report, and return the diagnostics it publishes, then shut it down.
 */
async function lintOverStdio(command: string, args: string[], cwd: string) {
  const server = spawn(command, [...args, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  try {
    const uri = pathToFileURL(path.join(cwd, 'poor.md')).toString();
    const result = await connection.sendRequest<{ serverInfo?: { name: string; version: string } }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(cwd).toString(),
      workspaceFolders: [{ uri: pathToFileURL(cwd).toString(), name: 'project' }],
      capabilities: {},
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: POOR_REPORT } });
    const { diagnostics } = await published;
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    await connection.sendNotification('exit');
    return { serverInfo: result.serverInfo, diagnostics, exitCode: await exited };
  } finally {
    connection.dispose();
    server.kill();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-package-'));
  // The bundles are already built by the test setup, so prepack's build is skipped.
  [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], repoRoot));
  const project = path.join(dir, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "reports", "private": true }\n');
  fs.writeFileSync(path.join(project, 'poor.md'), POOR_REPORT);
  fs.writeFileSync(path.join(project, 'good.md'), GOOD_REPORT);
  npm(['install', path.join(dir, packed.filename)], project);
  manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/audit-lint/package.json'), 'utf8'));
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the npm package', { timeout: 60_000 }, () => {
  it('is publishable, has no runtime dependencies and says which Node it needs', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect((manifest.engines as Record<string, string>).node).toMatch(/^>=\d+/);
    expect(manifest.bin).toEqual({ 'audit-lint': 'dist/cli.js', 'audit-lint-server': 'dist/server.js' });
  });

  it('holds only what runs, within the size limit', () => {
    const files = packed.files.map((f) => f.path);
    expect(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
    for (const needed of ['dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'schemas/auditlintrc.schema.json', 'docs/rules/smart-owner.md', 'README.md', 'LICENSE']) {
      expect(files).toContain(needed);
    }
    expect(files).not.toContain('dist/client.js');
    expect(packed.size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
  });

  it('runs as npx audit-lint and reports what the built command line reports', () => {
    const project = path.join(dir, 'project');
    const run = (file: string) => spawnSync('npx', ['--no-install', 'audit-lint', '--format', 'json', file], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const poor = run('poor.md');
    expect(poor.stderr).toBe('');
    expect(poor.status).toBe(1);
    const installed = JSON.parse(poor.stdout);
    expect(installed.results[0].diagnostics.length).toBeGreaterThan(0);
    expect(installed).toEqual(JSON.parse(runCli(['--format', 'json', 'poor.md'], { cwd: project }).stdout));
    expect(run('good.md').status).toBe(0);
    const version = spawnSync('npx', ['--no-install', 'audit-lint', '--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(manifest.version);
  });

  it('runs as audit-lint-server --stdio and publishes what the built server publishes', async () => {
    const project = path.join(dir, 'project');
    const installed = await lintOverStdio(path.join(project, 'node_modules/.bin/audit-lint-server'), [], project);
    const built = await lintOverStdio(process.execPath, [path.join(repoRoot, 'dist/server.js')], project);
    expect(installed.serverInfo).toEqual({ name: 'audit-lint', version: manifest.version });
    expect(installed.diagnostics.some((d) => d.code === 'placeholder')).toBe(true);
    expect(installed.diagnostics).toEqual(built.diagnostics);
    expect(installed.exitCode).toBe(0);
  }, 60_000);
});
