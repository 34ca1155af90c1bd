/**
 * The language server over stdio given hostile documents and malformed messages: it never goes
 * down, answers what JSON-RPC says it must answer, and stays responsive afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { POOR_REPORT } from './reports';

const METHOD_NOT_FOUND = -32601;

/** The documents the engine's fuzz tests use, at sizes an editor meets. */
const HOSTILE: Record<string, string> = {
  'deep-quotes': `${'> '.repeat(10000)}All agencies to ensure timely support.\n`,
  'deep-lists': `${'- '.repeat(5000)}item\n${'1. '.repeat(5000)}item\n`,
  'long-line': `# Audit\n\n${'All agencies to ensure timely support where possible. '.repeat(4000)}\n`,
  'nul-and-surrogates': `# Audit\0\n\n\uD800 text \uDC00 \0\0 ${POOR_REPORT}`,
  'unclosed-front-matter': `---\nprofile: maca-report\ncases: [1, 2\n${POOR_REPORT}`,
  'two-byte-order-marks-and-cr': `\uFEFF\uFEFF${POOR_REPORT.replace(/\n/g, '\r')}`,
  'huge-table': `## Actions\n\n| Action | Owner | By when |\n|---|---|---|\n${'| Share plans | DSL | March 2025 |\n'.repeat(3000)}`,
  'many-links': `# Audit\n\n${Array.from({ length: 3000 }, (_, i) => `[click here](${i % 2 ? '#' : `https://example.org/${i}`})`).join(' ')}\n`,
  'unclosed-fence-and-comment': '# Audit\n\n```md\n## Actions\n<!-- audit-lint-disable\n',
  'binary-as-text': String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 0xd7ff)),
};

describe('language server robustness over stdio', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['reports/**/*.md'] }) });
  let client: LspClient;
  const stderr: string[] = [];

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 20 });
    client.process.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
    ws.remove();
  });

  const alive = () => expect(client.process.exitCode).toBeNull();

  it('opens each hostile document and publishes diagnostics for it', async () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      const uri = uriOf(ws.write(`reports/${name}.md`, 'placeholder'));
      const after = client.diagnostics.length;
      await client.open(uri, text);
      const published = await client.diagnosticsFor(uri, after);
      for (const d of published.diagnostics) {
        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
        expect(d.range.end.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
      }
      alive();
    }
  }, 120000);

  it('edits them: inserts past the end, deletes everything, swaps in another hostile text', async () => {
    const names = Object.keys(HOSTILE);
    for (const [index, name] of names.entries()) {
      const uri = uriOf(ws.root + `/reports/${name}.md`);
      await client.change(uri, [{ range: { start: { line: 1_000_000, character: 5 }, end: { line: 1_000_000, character: 9 } }, text: '\0\uD800 - [ ] ' }]);
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, text: '' }]);
      await client.change(uri, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 1 } }, text: '> '.repeat(50) }]);
      const version = await client.change(uri, [{ text: HOSTILE[names[(index + 1) % names.length]] }]);
      await client.diagnosticsFor(uri, 0, (p) => p.version === version);
      alive();
    }
  }, 120000);

  it('answers an unknown request with "method not found" and ignores an unknown notification', async () => {
    await client.notification('auditLint/noSuchNotification', { anything: [1, 2, 3] });
    await expect(client.request('auditLint/noSuchRequest', {})).rejects.toMatchObject({ code: METHOD_NOT_FOUND });
    alive();
  });

  it('answers requests with malformed parameters with a result or an error, never silence or a crash', async () => {
    const uri = uriOf(`${ws.root}/reports/many-links.md`);
    const bad: unknown[] = [
      null,
      {},
      { textDocument: 5 },
      { textDocument: { uri: 'not a uri' }, position: { line: -1, character: 'x' } },
      { textDocument: { uri }, position: { line: 1e12, character: -5 } },
      { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: 'none' } },
    ];
    const methods = ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/completion', 'textDocument/codeLens', 'auditLint/reportSummary'];
    for (const method of methods) {
      for (const params of bad) {
        const settled = await client.request(method, params).then(
          () => 'answered',
          (error: { code?: unknown }) => (typeof error.code === 'number' ? 'error' : `no JSON-RPC error: ${String(error)}`),
        );
        expect(settled, `${method} ${JSON.stringify(params)}`).toMatch(/^(answered|error)$/);
      }
    }
    alive();
  }, 60000);

  it('survives invalid JSON-RPC frames written straight to its input', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const raw = [
      frame('{"jsonrpc": "2.0", "id": 9001, "method": '),
      frame('{"not": "a message"}'),
      frame('[1, 2, 3]'),
      frame('"just a string"'),
      frame('{"jsonrpc": "1.0", "id": 9002, "method": "textDocument/hover", "params": {}}'),
      frame('{"jsonrpc": "2.0", "id": {"an": "object"}, "method": "textDocument/hover"}'),
      frame('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": 42, "text": null}}}'),
      frame('{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///nowhere.md", "version": "x"}, "contentChanges": [{"text": 5}]}}'),
      frame('{"jsonrpc": "2.0", "id": 9003, "result": "a response nobody asked for"}'),
      'Garbage-Header: yes\r\n\r\n',
    ];
    for (const chunk of raw) {
      await new Promise<void>((resolve, reject) => client.process.stdin!.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    alive();
  });

  it('stays responsive: outline and hover answered after all of that', async () => {
    const uri = uriOf(ws.write('reports/after.md', POOR_REPORT));
    const after = client.diagnostics.length;
    await client.open(uri, POOR_REPORT);
    const published = await client.diagnosticsFor(uri, after);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.length).toBeGreaterThan(0);
    const line = POOR_REPORT.split('\n').findIndex((l) => l.includes('click here'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: POOR_REPORT.split('\n')[line].indexOf('click here') + 2 } });
    expect(JSON.stringify(hover?.contents ?? '')).toMatch(/link/i);
    alive();
    expect(stderr.join('')).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
