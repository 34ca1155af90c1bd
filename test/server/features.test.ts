import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { LINE, lineAndColumn, POOR_REPORT } from './reports';
import type { ReportSummary } from '../../server/src/lsp/protocol';

describe('hover, completion, outline, code lens and summary', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['reports/*.md'], vocabulary: { acronyms: { PRAS: 'Parental Risk Assessment Service' } } }) });
  const text = POOR_REPORT.replace('CAMHS were involved', 'CAMHS and the Early Help Assessment Team (EHAT) were involved. The EHAT and PRAS');
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
    uri = uriOf(ws.write('reports/report.md', text));
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  const hoverAt = async (needle: string, from = 0) =>
    (await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: lineAndColumn(text, needle, from) }));
  const hoverText = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

  it('explains the rule of a finding under the cursor, with bad and good examples and a docs link', async () => {
    const hover = await hoverAt('click here');
    const value = hoverText(hover);
    expect((hover?.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('**link-text**');
    expect(value).toMatch(/Flagged:[\s\S]*````markdown[\s\S]*Better:/);
    expect(value).toMatch(/\]\(https:\/\/\S+\/link-text\.md\)/);
    expect(hover?.range?.start.line).toBe(LINE.clickHere);
  });

  it('explains an action missing several parts once, with what each SMART rule adds', async () => {
    const value = hoverText(await hoverAt('ensure timely'));
    expect(value.match(/\*\*Action is missing: owner, measure, deadline, outcome for the child/g)).toHaveLength(1);
    for (const id of ['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link']) {
      expect(value).toContain(`([${id}](https://`);
    }
    expect(value).not.toContain('Action: no owner');
    // The wording finding on the same words still has its own explanation.
    expect(value).toContain('**vague-wording**');
  });

  it('expands an acronym from the glossary, from the report itself first, and from the configuration', async () => {
    const camhs = hoverText(await hoverAt('CAMHS'));
    expect(camhs).toMatch(/CAMHS\*\* — Child and adolescent mental health services/i);
    expect(camhs).toContain('glossary');
    const ehat = hoverText(await hoverAt('EHAT and'));
    expect(ehat).toContain('Early Help Assessment Team (as defined in this report, line 5)');
    const pras = hoverText(await hoverAt('PRAS'));
    expect(pras).toContain('Parental Risk Assessment Service (from your configuration)');
  });

  it('says which canonical section a heading counts as and what belongs in it', async () => {
    const value = hoverText(await hoverAt('## Actions'));
    expect(value).toContain('**Actions** (`actions`)');
    expect(value).toContain('owner');
    expect(hoverText(await hoverAt('Plans were not shared'))).toBe('');
  });

  const complete = async (line: string, column?: number): Promise<CompletionItem[]> => {
    const lines = text.split('\n');
    const at = LINE.actions + 1;
    const edited = [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
    const version = await client.change(uri, [{ text: edited }]);
    expect(version).toBeGreaterThan(1);
    const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri }, position: { line: at, character: column ?? line.length },
    });
    return Array.isArray(result) ? result : result.items;
  };

  it('completes section headings with the missing required ones first', async () => {
    const items = await complete('## ');
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    expect(sorted.slice(0, 2).map((i) => i.label)).toEqual(['Methodology', 'Key learning']);
    expect(sorted[0].detail).toMatch(/missing/);
    expect(sorted.find((i) => i.label === 'Actions')?.detail).toBe('already in the report');
    expect(sorted[0].textEdit).toMatchObject({ newText: 'Methodology' });
  });

  it('completes agencies and roles at the start of an action, and grades after "graded"', async () => {
    const owners = (await complete('- Hea')).map((i) => i.label);
    expect(owners).toContain('Health visiting service');
    expect(owners).toContain('Designated Safeguarding Lead');
    const grades = await complete('- The case was graded req');
    expect(grades.map((i) => i.label)).toEqual(['outstanding', 'good', 'requires improvement to be good', 'inadequate']);
    expect(grades[2].textEdit).toMatchObject({ newText: 'requires improvement to be good', range: { start: { character: '- The case was graded '.length } } });
    expect(await complete('Plain prose ')).toEqual([]);
  });

  it('completes front matter keys and profile names', async () => {
    const other = uriOf(ws.write('notes/new.md', '---\npro\n---\n'));
    await client.open(other, '---\npro\n---\n');
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: other }, position: { line: 1, character: 3 } });
    expect(keys.map((i) => i.label)).toEqual(expect.arrayContaining(['profile', 'cases', 'title']));
    await client.change(other, [{ text: '---\nprofile: se\n---\n' }]);
    const profiles = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: other }, position: { line: 1, character: 11 } });
    expect(profiles.map((i) => i.label)).toEqual(expect.arrayContaining(['maca-report', 'seven-minute-briefing', 'learning-briefing']));
  });

  it('outlines sections by depth with actions as their children', async () => {
    await client.change(uri, [{ text }]);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['Neglect multi-agency case audit']);
    const sections = symbols[0].children!;
    expect(sections.map((s) => s.name)).toEqual(['Background', 'Findings', 'Actions']);
    const actions = sections[2].children!;
    expect(actions.map((a) => a.name)).toEqual(['All agencies to ensure timely information sharing.', 'Consider the use of chronologies where possible.']);
    expect(actions[0].range.start.line).toBe(LINE.firstAction);
    expect(sections[2].range.end.line).toBeGreaterThanOrEqual(LINE.secondAction);
  });

  it('shows which SMART parts each action has above it', async () => {
    const weak = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(weak.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [LINE.firstAction, 'Owner ✗ · Measure ✗ · Deadline ✗ · Outcome ✗'],
      [LINE.secondAction, 'Owner ✗ · Measure ✗ · Deadline ✗ · Outcome ✗'],
    ]);
    const smart = text.replace('- All agencies to ensure timely information sharing.', '- The Police will share 100% of domestic abuse notifications with schools within 24 hours by March 2026, so that children are safer.');
    await client.change(uri, [{ text: smart }]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses[0].command?.title).toBe('Owner ✓ · Measure ✓ · Deadline ✓ · Outcome ✓');
    await client.change(uri, [{ text }]);
  });

  it('answers auditLint/reportSummary with sections, actions and counts', async () => {
    const before = client.diagnostics.length;
    const version = await client.change(uri, [{ text }]);
    const shown = (await client.diagnosticsFor(uri, before, (p) => p.version === version)).diagnostics;
    const summary = await client.request<ReportSummary | null>('auditLint/reportSummary', { uri });
    expect(summary?.profile).toBe('maca-report');
    const method = summary?.sections.find((s) => s.id === 'method');
    expect(method).toMatchObject({ present: false, required: true, satisfied: false });
    expect(summary?.sections.find((s) => s.id === 'actions')).toMatchObject({ present: true, title: 'Actions', line: LINE.actions });
    expect(summary?.actions.map((a) => [a.line, a.score])).toEqual([[LINE.firstAction, 0], [LINE.secondAction, 0]]);
    expect(summary?.counts.byRule['required-section']).toBe(2);
    // Severity counts are the Problems panel's rows (an action's missing parts are one row); byRule counts every finding.
    const severities = { error: 1, warning: 2, info: 3 } as const;
    for (const [name, level] of Object.entries(severities)) {
      expect(summary!.counts.bySeverity[name as keyof typeof severities]).toBe(shown.filter((d) => d.severity === level).length);
    }
    expect(shown.length).toBeLessThan(Object.values(summary!.counts.byRule).reduce((a, b) => a + b, 0));
    expect(await client.request('auditLint/reportSummary', { uri: uriOf(`${ws.root}/reports/not-open.md`) })).toBeNull();
  });
});
