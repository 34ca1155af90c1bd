import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { messageOf, workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { POOR_REPORT } from './reports';

describe('server lifecycle', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['*.md'] }) });
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
  });
  afterAll(() => ws.remove());

  it('announces its capabilities', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    expect(serverInfo?.name).toBe('audit-lint');
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.auditLint'] });
    expect(capabilities.hoverProvider).toBe(true);
    expect(capabilities.completionProvider?.triggerCharacters).toContain('#');
    expect(capabilities.documentSymbolProvider).toBeTruthy();
    expect(capabilities.codeLensProvider).toBeTruthy();
  });

  it('stays up and keeps answering on hostile documents', async () => {
    const hostile = [
      '>'.repeat(20000) + ' deep',
      '- '.repeat(600) + 'nested',
      '\u0000\uFFFD\uD800 binary-looking \u0007',
      '\uFEFF---\nprofile: [unclosed\n',
      '|'.repeat(10000),
      `${'*'.repeat(30000)}a`,
      '',
    ];
    for (const [index, text] of hostile.entries()) {
      const uri = uriOf(ws.write(`hostile-${index}.md`, text));
      await client.open(uri, text);
      const { diagnostics } = await client.diagnosticsFor(uri);
      // A document the engine cannot get through gets one notice, and the reason goes to the log.
      if (diagnostics.some((d) => messageOf(d).startsWith('audit-lint could not check'))) {
        expect(diagnostics).toHaveLength(1);
        await client.until('the failure in the log', () => client.logs.find((line) => line.includes(`Could not lint ${uri}`)));
      }
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    }
    const uri = uriOf(ws.write('after.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    expect((await client.diagnosticsFor(uri)).diagnostics.length).toBeGreaterThan(0);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 19 } });
    expect(hover).not.toBeNull();
    expect(client.process.exitCode).toBeNull();
  });

  it('answers requests for documents it does not know', async () => {
    const unknown = uriOf(`${ws.root}/never-opened.md`);
    expect(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request('auditLint/reportSummary', {})).toBeNull();
  });

  it('shuts down and exits cleanly', async () => {
    expect(await client.stop()).toBe(0);
  });

  it('exits, unclean, when the editor goes away without shutting it down', async () => {
    const orphan = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
    const exited = new Promise<number | null>((resolve) => orphan.process.once('exit', resolve));
    orphan.process.stdin!.end();
    expect(await exited).toBe(1);
  });
});
