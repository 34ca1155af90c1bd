import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, messageOf, renderedShape, workspace } from './helpers';
import { ensureServerBuilt, LspClient, uriOf } from './lspClient';
import { LINE, lineAndColumn, POOR_REPORT } from './reports';

describe('code actions', () => {
  const ws = workspace({ '.auditlintrc.json': JSON.stringify({ include: ['**/*.md'] }) });
  let client: LspClient;
  let counter = 0;

  beforeAll(async () => {
    ensureServerBuilt();
    client = await LspClient.start({ workspace: ws.root, debounceMs: 0 });
  });
  afterAll(async () => {
    await client.stop();
    ws.remove();
  });

  /** Open a fresh copy of a report and return its uri with its first diagnostics. */
  async function openReport(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(ws.write(`report-${++counter}.md`, text));
    await client.open(uri, text);
    return { uri, diagnostics: (await client.diagnosticsFor(uri)).diagnostics };
  }

  function actionsAt(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  /** Replace the whole text (as a version change) and return the diagnostics for the new version. */
  async function relint(uri: string, text: string): Promise<Diagnostic[]> {
    const before = client.diagnostics.length;
    const version = await client.change(uri, [{ text }]);
    return (await client.diagnosticsFor(uri, before, (p) => p.version === version)).diagnostics;
  }

  it('offers each finding\'s fix as a quick fix that, applied, removes the finding', async () => {
    const { uri, diagnostics } = await openReport(POOR_REPORT);
    const camhs = diagnostics.find((d) => d.code === 'acronym-undefined' && messageOf(d).startsWith('CAMHS'))!;
    const actions = await actionsAt(uri, camhs.range, [camhs]);
    const fix = actions.find((a) => a.title.includes('Write out CAMHS'))!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics).toEqual([camhs]);
    const fixed = applyWorkspaceEdit(POOR_REPORT, uri, fix.edit!);
    expect(fixed).toContain('Child and adolescent mental health services (CAMHS)');
    const after = await relint(uri, fixed);
    expect(after.some((d) => d.code === 'acronym-undefined' && messageOf(d).startsWith('CAMHS'))).toBe(false);
    expect(after.some((d) => d.code === 'acronym-undefined' && messageOf(d).startsWith('LSCP'))).toBe(true);
  });

  it('fixes every finding of one rule at once', async () => {
    const { uri, diagnostics } = await openReport(POOR_REPORT);
    const lscp = diagnostics.find((d) => d.code === 'acronym-undefined')!;
    const actions = await actionsAt(uri, lscp.range, [lscp]);
    const all = actions.find((a) => a.title === 'Fix all acronym-undefined problems in this file')!;
    expect(all.diagnostics?.length).toBe(diagnostics.filter((d) => d.code === 'acronym-undefined').length);
    const after = await relint(uri, applyWorkspaceEdit(POOR_REPORT, uri, all.edit!));
    expect(after.filter((d) => d.code === 'acronym-undefined')).toEqual([]);
    expect(after.some((d) => d.code === 'required-section')).toBe(true);
  });

  it('fix-all on request applies only fixes that insert text, and is not offered unasked', async () => {
    const { uri, diagnostics } = await openReport(POOR_REPORT);
    const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    expect((await actionsAt(uri, whole, diagnostics)).some((a) => a.kind === 'source.fixAll.auditLint')).toBe(false);
    const [fixAll] = await actionsAt(uri, whole, [], ['source.fixAll.auditLint']);
    expect(fixAll.kind).toBe('source.fixAll.auditLint');
    const fixed = applyWorkspaceEdit(POOR_REPORT, uri, fixAll.edit!);
    // Every original character is kept, in order: only insertions.
    let at = 0;
    for (const char of POOR_REPORT) at = fixed.indexOf(char, at) + 1;
    expect(at).toBeGreaterThan(0);
    expect(fixed).toContain('"Good"');
    const after = await relint(uri, fixed);
    expect(after.filter((d) => d.code === 'required-section' || d.code === 'acronym-undefined')).toEqual([]);
    expect(after.some((d) => d.code === 'grading-terms')).toBe(true);
  });

  const disableCases: { name: string; rule: string; line: number; expected: RegExp }[] = [
    { name: 'a comment line above a top-level paragraph', rule: 'acronym-undefined', line: LINE.acronyms, expected: /<!-- audit-lint-disable-next-line acronym-undefined -->\nThe LSCP/ },
    { name: 'a comment at the end of a line inside a paragraph', rule: 'link-text', line: LINE.clickHere, expected: /report\)\. <!-- audit-lint-disable-line link-text -->\n/ },
    { name: 'a comment at the end of a list item', rule: 'vague-wording', line: LINE.secondAction, expected: /where possible\. <!-- audit-lint-disable-line vague-wording -->\n/ },
  ];
  for (const { name, rule, line, expected } of disableCases) {
    it(`disables ${rule} for one line with ${name}, leaving the rendered report unchanged`, async () => {
      const { uri, diagnostics } = await openReport(POOR_REPORT);
      const target = diagnostics.find((d) => d.code === rule && d.range.start.line === line)!;
      expect(target).toBeDefined();
      const actions = await actionsAt(uri, target.range, [target]);
      const disable = actions.find((a) => a.title === `Disable ${rule} for this line`)!;
      const changed = applyWorkspaceEdit(POOR_REPORT, uri, disable.edit!);
      expect(changed).toMatch(expected);
      expect(renderedShape(changed)).toEqual(renderedShape(POOR_REPORT));
      const after = await relint(uri, changed);
      const shift = changed.split('\n').length - POOR_REPORT.split('\n').length;
      expect(after.filter((d) => d.code === rule && d.range.start.line === line + shift)).toEqual([]);
      expect(after.length).toBeLessThan(diagnostics.length);
    });
  }

  it('adds a second rule to an existing disable comment instead of stacking comments', async () => {
    const text = POOR_REPORT.replace('The LSCP', '<!-- audit-lint-disable-next-line vague-wording -->\nThe LSCP');
    const { uri, diagnostics } = await openReport(text);
    const target = diagnostics.find((d) => d.code === 'acronym-undefined')!;
    const disable = (await actionsAt(uri, target.range, [target])).find((a) => a.title === 'Disable acronym-undefined for this line')!;
    const changed = applyWorkspaceEdit(text, uri, disable.edit!);
    expect(changed).toContain('<!-- audit-lint-disable-next-line vague-wording acronym-undefined -->\nThe LSCP');
    const after = await relint(uri, changed);
    expect(after.filter((d) => d.range.start.line === target.range.start.line)).toEqual([]);
  });

  it('keeps a table a table when disabling a finding in its header row', async () => {
    const text = POOR_REPORT.replace('## Actions\n', '## Actions\n\n| Action TODO | Owner |\n|---|---|\n| Share plans | CSC |\n');
    const { uri, diagnostics } = await openReport(text);
    const at = lineAndColumn(text, 'TODO');
    const target = diagnostics.find((d) => d.code === 'placeholder' && d.range.start.line === at.line)!;
    expect(target).toBeDefined();
    const disable = (await actionsAt(uri, target.range, [target])).find((a) => a.title === 'Disable placeholder for this line')!;
    const changed = applyWorkspaceEdit(text, uri, disable.edit!);
    expect(renderedShape(changed)).toEqual(renderedShape(text));
    expect((await relint(uri, changed)).some((d) => d.code === 'placeholder')).toBe(false);
  });

  it('offers no line disable inside front matter, where a comment would change the data', async () => {
    const text = `---\nprofile: maca-report\ncases: many\n---\n\n${POOR_REPORT}`;
    const { uri, diagnostics } = await openReport(text);
    const target = diagnostics.find((d) => d.code === 'front-matter')!;
    const actions = await actionsAt(uri, target.range, [target]);
    expect(actions.some((a) => a.title.startsWith('Disable front-matter'))).toBe(false);
  });
  it('shows an action missing four parts as one diagnostic whose quick fixes cover every part', async () => {
    const { uri, diagnostics } = await openReport(POOR_REPORT);
    const onAction = diagnostics.filter((d) => d.range.start.line === LINE.firstAction);
    expect(onAction.map(messageOf)).toEqual([
      'Action is missing: owner, measure, deadline, outcome for the child ("All agencies" is not an owner; "timely" is not a deadline).',
      expect.stringMatching(/^Vague wording "ensure"/),
    ]);
    const [action] = onAction;
    expect(action.code).toBe('smart-owner');
    expect(action.data).toEqual({ ruleIds: ['smart-owner', 'smart-measure', 'smart-deadline', 'outcome-link'] });
    const range = { start: action.range.start, end: action.range.start };
    const titles = (await actionsAt(uri, range, [action])).map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining([
      'Add owner, measure, deadline, outcome to this action (template)',
      'Disable smart-owner for this line', 'Disable smart-measure for this line',
      'Disable smart-deadline for this line', 'Disable outcome-link for this line',
    ]));
    // A member that is not the diagnostic's code still has working fixes: disable the measure check.
    const disable = (await actionsAt(uri, range, [action])).find((a) => a.title === 'Disable smart-measure for this line')!;
    expect(disable.diagnostics).toEqual([action]);
    const after = await relint(uri, applyWorkspaceEdit(POOR_REPORT, uri, disable.edit!));
    const still = after.filter((d) => messageOf(d).startsWith('Action is missing'));
    expect(still.map(messageOf)[0]).toBe('Action is missing: owner, deadline, outcome for the child ("All agencies" is not an owner; "timely" is not a deadline).');
    expect(still[0].data).toEqual({ ruleIds: ['smart-owner', 'smart-deadline', 'outcome-link'] });
  });
});
