// The language server as an editor drives it, over stdio with real LSP messages: start-up, edit →
// diagnostics latency (debounce set to 0), typing → diagnostics with the server's own wait after
// each keystroke, hover, completion and code actions while a lint runs, stale lints stopped by
// newer versions, memory with many open reports.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './measure.mjs';
import { random } from './generate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

/** How long one answer from the server may take before the figure is reported as over the limit. */
export const TIME_LIMIT_MS = Number(process.env.BENCH_EDITOR_LIMIT_MS) || 60_000;

export class TimedOut extends Error {}

/** Resident memory of a process, in MB, from /proc (Linux) or ps. */
function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    const { execFileSync } = require('node:child_process');
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }
}

/**
 * A started server with a workspace folder; `published(uri, version)` resolves with that version's
 * diagnostics. The initialization options set no wait after edits unless given.
 */
export async function startServer(serverPath, initializationOptions = { debounceMs: 0 }) {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-lint-editor-'));
  const start = performance.now();
  const child = spawn(process.env.BENCH_SERVER_NODE ?? process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const publishedVersions = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    publishedVersions.push(params.version);
    const key = `${params.uri}#${params.version}`;
    waiting.get(key)?.(params.diagnostics);
    waiting.delete(key);
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    capabilities: { workspace: { configuration: true } },
    initializationOptions,
  });
  const readyMs = performance.now() - start;
  await connection.sendNotification('initialized', {});
  return {
    readyMs,
    connection,
    pid: child.pid,
    rssMb: () => rssMb(child.pid),
    /** Every version whose diagnostics were published, in order. */
    publishedVersions,
    published: (uri, version) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new TimedOut()), TIME_LIMIT_MS);
        waiting.set(`${uri}#${version}`, (diagnostics) => {
          clearTimeout(timer);
          resolve(diagnostics);
        });
      }),
    kill: () => child.kill(),
    async open(name, text) {
      const file = path.join(workspace, name);
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).toString();
      const done = this.published(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await done;
      return uri;
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      fs.rmSync(workspace, { recursive: true, force: true });
    },
  };
}

/**
 * Small edits spread through a document, as an author makes them (a word typed at a line's end):
 * the time from each didChange to the diagnostics for that version; with `probe`, a hover and a
 * completion sent right after the change, timed from when they were sent.
 */
export async function editLatency(serverPath, text, edits, { probe = false } = {}) {
  const server = await startServer(serverPath);
  try {
    return await timeEdits(server, text, edits, probe);
  } catch (error) {
    server.kill();
    throw error;
  }
}

async function timeEdits(server, text, edits, probe) {
  const uri = await server.open('report.md', text);
  const lines = text.split('\n');
  const rng = random(7);
  const timings = [];
  const hovers = [];
  const completions = [];
  const codeActions = [];
  for (let version = 2; version < edits + 2; version++) {
    const line = rng.int(Math.floor(lines.length / 10), lines.length - 2);
    const character = lines[line].length;
    lines[line] += ' also';
    const start = performance.now();
    const done = server.published(uri, version);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' also' }],
    });
    if (probe) {
      const at = { textDocument: { uri }, position: { line: Math.max(0, line - 1), character: 2 } };
      const timed = (method, params, into) => {
        const sent = performance.now();
        return server.connection.sendRequest(method, params).then(() => into.push(performance.now() - sent));
      };
      const range = { start: at.position, end: { line: Math.max(0, line - 1), character: 40 } };
      await Promise.all([
        timed('textDocument/hover', at, hovers),
        timed('textDocument/completion', { ...at, position: { line: Math.max(0, line - 1), character: 0 } }, completions),
        timed('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }, codeActions),
      ]);
    }
    await done;
    timings.push(performance.now() - start);
  }
  await server.stop();
  return {
    editMs: median(timings),
    hoverMs: hovers.length ? median(hovers) : undefined,
    completionMs: completions.length ? median(completions) : undefined,
    codeActionMs: codeActions.length ? median(codeActions) : undefined,
  };
}

/** Between two keystrokes of a quick typist. */
const KEYSTROKE_GAP_MS = 60;

/**
 * Words typed a key at a time at line ends spread through the document, as an author types them,
 * with the wait after edits that `initializationOptions` give (none: the server's own): the time
 * from each word's last keystroke to the diagnostics for that version. Before the next word, the
 * author pauses until those diagnostics are shown.
 */
export async function typingLatency(serverPath, text, words, initializationOptions = {}) {
  const server = await startServer(serverPath, initializationOptions);
  try {
    const uri = await server.open('report.md', text);
    const lines = text.split('\n');
    const rng = random(11);
    const timings = [];
    let version = 1;
    for (let word = 0; word < words; word++) {
      const line = rng.int(Math.floor(lines.length / 10), lines.length - 2);
      const keys = ' also';
      let start = 0;
      let done;
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_GAP_MS));
        version++;
        const character = lines[line].length;
        lines[line] += keys[i];
        start = performance.now();
        // Only the word's last version is waited for: earlier ones may or may not be shown.
        if (i === keys.length - 1) done = server.published(uri, version);
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: keys[i] }],
        });
      }
      await done;
      timings.push(performance.now() - start);
    }
    await server.stop();
    return { typingMs: median(timings) };
  } catch (error) {
    server.kill();
    throw error;
  }
}

/**
 * Bursts of edits sent without waiting, as fast typing with no debounce sends them: how many lints
 * of versions already stale ran to the end (the target is none), and that only each burst's last
 * version is published.
 */
export async function staleLints(serverPath, text, bursts = 3, burstLength = 4) {
  const server = await startServer(serverPath);
  try {
    const uri = await server.open('report.md', text);
    const published = server.publishedVersions;
    const before = await server.connection.sendRequest('auditLint/lintStatistics');
    const lines = text.split('\n');
    let version = 1;
    for (let burst = 0; burst < bursts; burst++) {
      const done = server.published(uri, version + burstLength);
      for (let i = 0; i < burstLength; i++) {
        version++;
        const line = Math.floor(((burst * burstLength + i + 1) * lines.length) / (bursts * burstLength + 2));
        const character = lines[line].length;
        lines[line] += ' also';
        server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ' also' }],
        });
        // Keystrokes a little apart, so each version's lint has started when the next arrives.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await done;
    }
    const after = await server.connection.sendRequest('auditLint/lintStatistics');
    await server.stop();
    const finished = after.finished - before.finished;
    const cancelled = after.cancelled - before.cancelled;
    return { versions: bursts * burstLength, bursts, finished, cancelled, staleFinished: finished - bursts, stalePublished: published.filter((v) => (v - 1) % burstLength !== 0).length };
  } catch (error) {
    server.kill();
    throw error;
  }
}

/** Server start-up (spawn → initialize answered), and its memory with `count` reports open. */
export async function startupAndMemory(serverPath, text, count) {
  const server = await startServer(serverPath);
  const readyMs = server.readyMs;
  try {
    for (let i = 0; i < count; i++) await server.open(`report-${i}.md`, text.replace(/^# (.*)$/m, `# $1 (${i + 1})`));
  } catch (error) {
    server.kill();
    throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rss = server.rssMb();
  await server.stop();
  return { readyMs, rssMb: rss };
}
