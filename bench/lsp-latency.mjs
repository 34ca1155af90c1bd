// Editing latency of the language server: from a didChange notification to the diagnostics published
// for that version, on a ~60 KB report and a ~5 MB compendium, with the debounce set to 0.
// Usage: node bench/lsp-latency.mjs [edits for 60 KB = 30] [edits for 5 MB = 5] [--off=RULE,RULE]
// (run `npm run build` first; --off turns rules off through a configuration file, to see what they cost).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compendium, random, report } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'dist/server.js');
const args = process.argv.slice(2);
const [smallEdits = 30, largeEdits = 5] = args.filter((a) => !a.startsWith('--')).map(Number);
const off = args.find((a) => a.startsWith('--off='))?.slice('--off='.length).split(',').filter(Boolean) ?? [];

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name, text, edits) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'audit-lint-bench-'));
  const file = path.join(workspace, `${name}.md`);
  writeFileSync(file, text);
  if (off.length > 0) writeFileSync(path.join(workspace, '.auditlintrc.json'), JSON.stringify({ rules: Object.fromEntries(off.map((id) => [id, 'off'])) }));
  const uri = pathToFileURL(file).toString();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    waiting.get(params.version)?.(params.diagnostics.length);
    waiting.delete(params.version);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.listen();
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { debounceMs: 0 },
  });
  await connection.sendNotification('initialized', {});

  let start = performance.now();
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const findings = await opened;
  const openMs = performance.now() - start;

  // Small edits spread through the document, as an author makes them: a word typed at a line's end.
  const lines = text.split('\n');
  const rng = random(7);
  const timings = [];
  for (let version = 2; version < edits + 2; version++) {
    const line = rng.int(Math.floor(lines.length / 10), lines.length - 2);
    const character = lines[line].length;
    lines[line] += ' also';
    start = performance.now();
    const done = published(version);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' also' }],
    });
    await done;
    timings.push(performance.now() - start);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  rmSync(workspace, { recursive: true, force: true });

  timings.sort((a, b) => a - b);
  const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
  console.log(
    `${name.padEnd(10)} ${kb.padStart(6)} KB  ${String(findings).padStart(6)} findings  open ${openMs.toFixed(0)} ms  ` +
      `edit→diagnostics over ${edits} edits: median ${percentile(timings, 50).toFixed(0)} ms, p95 ${percentile(timings, 95).toFixed(0)} ms`,
  );
}

if (off.length > 0) console.log(`rules off: ${off.join(', ')}`);
await measure('report', report(random(60), 60 * 1024), smallEdits);
await measure('compendium', compendium(random(5), 5 * 1024 * 1024), largeEdits);
