import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { DRAFT, leaks } from '../privacy-draft';
import { workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';

describe('the language server does not repeat personal data', () => {
  const ws = workspace({});
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it('in diagnostics, code action titles or hovers', async () => {
    const uri = uriOf(ws.write('draft.md', DRAFT));
    await client.open(uri, DRAFT);
    const { diagnostics } = await client.diagnosticsFor(uri);
    const privacy = diagnostics.filter((d: Diagnostic) => d.code === 'anonymisation');
    expect(privacy.length).toBeGreaterThanOrEqual(10);
    const seen: unknown[] = [diagnostics];
    for (const diagnostic of privacy) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      expect(actions.some((a) => /removed\]/.test(JSON.stringify(a.edit)))).toBe(true);
      seen.push(actions.map((a) => a.title));
      seen.push(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start }));
    }
    expect(leaks(JSON.stringify(seen))).toEqual([]);
  });
});
