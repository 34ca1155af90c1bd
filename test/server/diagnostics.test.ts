import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { messageOf, workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { LINE, lineAndColumn, POOR_REPORT } from './reports';

describe('diagnostics over stdio', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['reports/**/*.md'] }) });
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 150 });
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it('publishes findings with source, rule code, documentation link, severity and exact ranges', async () => {
    const uri = uriOf(ws.write('reports/poor.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    const { diagnostics, version } = await client.diagnosticsFor(uri);
    expect(version).toBe(1);
    expect(diagnostics.every((d) => d.source === 'audit-lint')).toBe(true);

    const missing = diagnostics.filter((d) => d.code === 'required-section');
    expect(missing.map(messageOf).join('\n')).toMatch(/Methodology[\s\S]*Key learning/);
    expect(missing[0].severity).toBe(DiagnosticSeverity.Error);
    expect(missing[0].range.start).toEqual({ line: LINE.title, character: 0 });
    expect(missing[0].codeDescription?.href).toMatch(/docs\/rules\/required-section\.md$/);

    const link = diagnostics.find((d) => d.code === 'link-text');
    expect(link?.severity).toBe(DiagnosticSeverity.Warning);
    const at = lineAndColumn(POOR_REPORT, 'click here');
    expect(link?.range.start.line).toBe(at.line);
    expect(link?.range.start.character).toBeLessThanOrEqual(at.character);
    expect(link?.range.end.character).toBeGreaterThanOrEqual(at.character + 'click here'.length);

    const grade = diagnostics.find((d) => d.code === 'grading-terms');
    expect(grade?.severity).toBe(DiagnosticSeverity.Information);
  });

  it('counts columns in UTF-16 code units and lines across CRLF breaks', async () => {
    const text = POOR_REPORT.replace('The LSCP', 'The 👩‍👧 LSCP').replace(/\n/g, '\r\n');
    const uri = uriOf(ws.write('reports/crlf.md', text));
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri);
    const lscp = diagnostics.find((d) => d.code === 'acronym-undefined' && messageOf(d).includes('LSCP'));
    const at = lineAndColumn(text, 'LSCP');
    expect(at.line).toBe(LINE.acronyms);
    expect(lscp?.range).toEqual({ start: at, end: { line: at.line, character: at.character + 4 } });
  });

  it('publishes only the newest version after quick successive edits', async () => {
    const uri = uriOf(ws.write('reports/typing.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    await client.diagnosticsFor(uri);
    const before = client.diagnostics.length;
    const at = lineAndColumn(POOR_REPORT, 'LSCP');
    await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 4 } }, text: 'Local Safeguarding Children Partnership (LSCP)' }]);
    const last = await client.change(uri, [{ range: { start: { line: LINE.clickHere, character: 0 }, end: { line: LINE.clickHere + 1, character: 0 } }, text: '' }]);
    const published = await client.diagnosticsFor(uri, before);
    expect(published.version).toBe(last);
    expect(published.diagnostics.some((d) => messageOf(d).startsWith('LSCP'))).toBe(false);
    expect(published.diagnostics.some((d) => d.code === 'link-text')).toBe(false);
    // Nothing for the intermediate version, before or after.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(client.published(uri).slice(1).map((p) => p.version)).toEqual([last]);
  });

  it('gives a README.md outside the include globs no diagnostics, but lints one whose front matter names a profile', async () => {
    const readme = uriOf(ws.write('README.md', '# Project\n\nSee [here](https://example.org). TODO\n'));
    await client.open(readme, '# Project\n\nSee [here](https://example.org). TODO\n');
    const named = '---\nprofile: seven-minute-briefing\n---\n\n# Briefing\n\nSee [here](https://example.org).\n';
    const briefing = uriOf(ws.write('notes/briefing.md', named));
    await client.open(briefing, named);
    const { diagnostics } = await client.diagnosticsFor(briefing);
    expect(diagnostics.some((d) => d.code === 'link-text')).toBe(true);
    expect(client.published(readme)).toEqual([]);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = uriOf(ws.write('reports/closing.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    await client.diagnosticsFor(uri);
    const before = client.diagnostics.length;
    await client.notification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.diagnosticsFor(uri, before);
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('run on save', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['*.md'] }) });
  let client: LspClient;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, settings: { run: 'onSave' }, debounceMs: 0 });
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  it('lints on open and on save, not while typing', async () => {
    const uri = uriOf(ws.write('report.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    await client.diagnosticsFor(uri);
    const before = client.diagnostics.length;
    const version = await client.change(uri, [{ range: { start: { line: LINE.clickHere, character: 0 }, end: { line: LINE.clickHere + 1, character: 0 } }, text: '' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.diagnostics.length).toBe(before);
    await client.notification('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.diagnosticsFor(uri, before);
    expect(saved.version).toBe(version);
    expect(saved.diagnostics.some((d) => d.code === 'link-text')).toBe(false);
  });
});

describe('typing with the wait after each edit left to the server', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['*.md'] }) });
  let client: LspClient;
  const vague = 'For more detail [click here](https://example.org/report).';
  const named = 'For more detail read [the full audit report](https://example.org/report).';

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: null });
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  /** Replace the link's line, whose text is now `from`, with `to`. */
  const swap = (uri: string, from: string, to: string) =>
    client.change(uri, [{ range: { start: { line: LINE.clickHere, character: 0 }, end: { line: LINE.clickHere, character: from.length } }, text: to }]);

  it('publishes each edited version with findings of that version', async () => {
    expect(POOR_REPORT.split('\n')[LINE.clickHere]).toBe(vague);
    const uri = uriOf(ws.write('edits.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    expect((await client.diagnosticsFor(uri)).diagnostics.some((d) => d.code === 'link-text')).toBe(true);
    let line = vague;
    for (let round = 0; round < 6; round++) {
      const next = line === vague ? named : vague;
      const before = client.diagnostics.length;
      const version = await swap(uri, line, next);
      line = next;
      const published = await client.diagnosticsFor(uri, before);
      expect(published.version).toBe(version);
      expect(published.diagnostics.some((d) => d.code === 'link-text')).toBe(next === vague);
      expect(published.diagnostics.some((d) => d.code === 'required-section')).toBe(true);
    }
  });

  it('during a burst of edits publishes no version older than one already shown, each with its own findings, and ends with the last', async () => {
    const uri = uriOf(ws.write('burst.md', POOR_REPORT));
    await client.open(uri, POOR_REPORT);
    await client.diagnosticsFor(uri);
    const before = client.diagnostics.length;
    const hasVagueLink = new Map<number, boolean>();
    let line = vague;
    let last = 1;
    for (let keystroke = 0; keystroke < 12; keystroke++) {
      const next = line === vague ? named : vague;
      last = await swap(uri, line, next);
      hasVagueLink.set(last, next === vague);
      line = next;
    }
    await client.diagnosticsFor(uri, before, (p) => p.version === last);
    const published = client.diagnostics.slice(before).filter((p) => p.uri === uri);
    const versions = published.map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const p of published) expect([p.version, p.diagnostics.some((d) => d.code === 'link-text')]).toEqual([p.version, hasVagueLink.get(p.version!)]);
  });
});
