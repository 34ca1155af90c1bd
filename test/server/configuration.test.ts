import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { messageOf, workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { POOR_REPORT } from './reports';

const FILE_CHANGED = 2;

describe('configuration files', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['reports/*.md'] }, null, 2) });
  const configFile = path.join(ws.root, '.auditlintrc.json');
  const configUri = uriOf(configFile);
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
    uri = uriOf(ws.write('reports/report.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    await client.diagnosticsFor(uri);
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  async function saveConfig(text: string): Promise<number> {
    writeFileSync(configFile, text);
    const before = client.diagnostics.length;
    await client.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: FILE_CHANGED }] });
    return before;
  }

  it('lints open reports again when the configuration file changes', async () => {
    expect((await client.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'link-text')).toBe(true);
    const before = await saveConfig(JSON.stringify({ include: ['reports/*.md'], rules: { 'link-text': 'off', 'required-section': 'warning' } }, null, 2));
    const { diagnostics } = await client.diagnosticsFor(uri, before);
    expect(diagnostics.some((d) => d.code === 'link-text')).toBe(false);
    expect(diagnostics.filter((d) => d.code === 'required-section').every((d) => d.severity === DiagnosticSeverity.Warning)).toBe(true);
  });

  it('shows an invalid configuration as one diagnostic at the offending line, keeps linting with defaults, and clears it when fixed', async () => {
    const invalid = '{\n  "include": ["reports/*.md"],\n  "rules": {\n    "link-text": "loud"\n  }\n}\n';
    const before = await saveConfig(invalid);
    const problem = await client.diagnosticsFor(configUri, before);
    expect(problem.diagnostics).toHaveLength(1);
    expect(problem.diagnostics[0]).toMatchObject({ severity: DiagnosticSeverity.Error, source: 'audit-lint', range: { start: { line: 3 } } });
    expect(messageOf(problem.diagnostics[0])).toContain('rules.link-text');
    // The report is still linted, with the default settings (link-text back on).
    const report = await client.diagnosticsFor(uri, before);
    expect(report.diagnostics.some((d) => d.code === 'link-text')).toBe(true);

    const fixedAt = await saveConfig(JSON.stringify({ include: ['reports/*.md'] }));
    const cleared = await client.diagnosticsFor(configUri, fixedAt);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('reports a configuration that is not JSON at all', async () => {
    const before = await saveConfig('{\n  "include": [\n}\n');
    const problem = await client.diagnosticsFor(configUri, before);
    expect(messageOf(problem.diagnostics[0])).toMatch(/not valid JSON/);
    await saveConfig(JSON.stringify({ include: ['reports/*.md'] }));
  });

  it('follows the auditLint.include setting', async () => {
    const text = '# Neglect audit\n\nSee [here](https://example.org).\n';
    const other = uriOf(ws.write('drafts/audit.md', text));
    await client.open(other, text);
    const probe = uriOf(ws.write('reports/probe.md', POOR_REPORT));
    await client.open(probe, POOR_REPORT);
    await client.diagnosticsFor(probe);
    expect(client.published(other)).toEqual([]);

    client.settings = { include: ['drafts/**'] };
    const before = client.diagnostics.length;
    await client.notification('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await client.diagnosticsFor(other, before);
    expect(diagnostics.some((d) => d.code === 'link-text')).toBe(true);

    client.settings = { enable: false };
    const disabledAt = client.diagnostics.length;
    await client.notification('workspace/didChangeConfiguration', { settings: null });
    const cleared = (p: { diagnostics: unknown[] }) => p.diagnostics.length === 0;
    await client.diagnosticsFor(other, disabledAt, cleared);
    await client.diagnosticsFor(probe, disabledAt, cleared);
    // Nothing is published for the disabled documents afterwards.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.published(probe).at(-1)?.diagnostics).toEqual([]);
    client.settings = {};
  });
});
