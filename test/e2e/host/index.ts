// Checks that run inside a real VS Code extension host, through the vscode API only: diagnostics,
// quick fixes, fix-all, hover, outline, completion and the new-report command.
//
// The workspace folder must hold copies of examples/*.md. `run()` is the entry point that VS Code
// calls for `--extensionTestsPath` (code-server's payload or @vscode/test-electron); it rejects when
// a check fails. Each check's result is also written to <workspace>/.audit-lint-e2e-results.json so
// the runner can report the checks one by one.
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const RESULTS_FILE = '.audit-lint-e2e-results.json';
const EXTENSION_ID = 'audit-lint.audit-lint';
const DOCS_URL = 'https://github.com/audit-lint/audit-lint/blob/main/docs/rules/';
const PROFILES = ['maca-report', 'seven-minute-briefing', 'learning-briefing'];

export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Poll `fn` until it returns a truthy value; fail with `what` after `timeout` ms. */
async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(100);
  }
}

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'VS Code was started without a workspace folder');
  return first.uri;
}

function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), name);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'audit-lint');
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/**
 * Open a workspace file in an editor and wait until its diagnostics stop changing (the server
 * lints after a short debounce; the first result may arrive in parts).
 */
async function open(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = await settled(document.uri, (d) => d.length > 0, `diagnostics for ${name}`);
  return { document, editor, diagnostics };
}

/** Diagnostics once `accept` holds and they have not changed for 600 ms. */
async function settled(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, what: string, timeout = 20_000): Promise<vscode.Diagnostic[]> {
  let last = '';
  let since = Date.now();
  return waitFor(what, () => {
    const now = ours(uri);
    const key = describe(now);
    if (key !== last) {
      last = key;
      since = Date.now();
      return false;
    }
    return accept(now) && Date.now() - since >= 600 && now;
  }, timeout);
}

/**
 * Resolves with the first diagnostics change of a document the server has not published for yet
 * (a clean report gets an empty list, which changes nothing visible), so a check never reads a
 * document's diagnostics before the server has answered. Start it before opening the document.
 */
function firstPublish(matches: (uri: vscode.Uri) => boolean): Promise<vscode.Uri> {
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      const uri = event.uris.find(matches);
      if (!uri) return;
      listener.dispose();
      resolve(uri);
    });
  });
}

/** Rejects with `what` when `promise` has not settled in `timeout` ms. */
async function within<T>(promise: Promise<T>, what: string, timeout = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeout} ms waiting for ${what}`)), timeout)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

async function extension(): Promise<vscode.Extension<unknown>> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not loaded`);
  if (!found.isActive) await found.activate();
  return found;
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

const checks: [string, () => Promise<void>][] = [
  [
    'the extension activates on a Markdown report',
    async () => {
      await vscode.workspace.openTextDocument(fileUri('maca-report-poor.md'));
      const ext = await extension();
      assert.ok(ext.isActive, 'the extension did not activate');
      assert.equal((ext.packageJSON as { main?: string }).main, './dist/client.js');
    },
  ],
  [
    'a poor report has diagnostics with source audit-lint, rule ids as codes and documentation links',
    async () => {
      const { diagnostics } = await open('maca-report-poor.md');
      const root = (await extension()).extensionPath;
      const rules = new Set(diagnostics.map(ruleOf));
      for (const expected of ['heading-structure', 'acronym-undefined', 'methodology-detail', 'count-consistency', 'numbering', 'smart-owner', 'vague-wording']) {
        assert.ok(rules.has(expected), `no ${expected} diagnostic on maca-report-poor.md; got:\n${describe(diagnostics)}`);
      }
      // An action's missing parts are one diagnostic, named by its first rule.
      const action = diagnostics.filter((d) => d.message.startsWith('Action is missing: owner, measure, deadline, outcome for the child'));
      assert.ok(action.length > 0 && action.every((d) => ruleOf(d) === 'smart-owner'), `no single diagnostic per action; got:\n${describe(diagnostics)}`);
      assert.ok(!diagnostics.some((d) => d.message.startsWith('Action: no ')), `an action still shows one diagnostic per part:\n${describe(diagnostics)}`);
      for (const d of diagnostics) {
        assert.equal(typeof d.code, 'object', `diagnostic "${d.message}" has no code with a target`);
        const code = d.code as { value: string | number; target: vscode.Uri };
        assert.match(String(code.value), /^[a-z]+(-[a-z]+)*$/, `code ${String(code.value)} is not a rule id`);
        assert.equal(code.target.toString(true), `${DOCS_URL}${code.value}.md`, `documentation link of ${String(code.value)}`);
        assert.ok(existsSync(join(root, 'docs/rules', `${code.value}.md`)), `docs/rules/${code.value}.md does not exist`);
      }
      const acronym = diagnostics.find((d) => ruleOf(d) === 'acronym-undefined' && d.message.startsWith('LSCB'));
      assert.ok(acronym, `no acronym-undefined diagnostic for LSCB; got:\n${describe(diagnostics)}`);
      assert.deepEqual([acronym.range.start.line, acronym.range.start.character, acronym.range.end.character], [10, 8, 12], 'range of the LSCB diagnostic');
      assert.equal(acronym.severity, vscode.DiagnosticSeverity.Warning);
    },
  ],
  [
    'good reports have no errors or warnings',
    async () => {
      for (const name of ['maca-report-good.md', 'learning-briefing-good.md', 'seven-minute-briefing-good.md']) {
        // A good report may legitimately have no diagnostics at all, so wait for the server's answer.
        const published = firstPublish((uri) => uri.toString() === fileUri(name).toString());
        const document = await vscode.workspace.openTextDocument(fileUri(name));
        await vscode.window.showTextDocument(document);
        await within(published, `the server's diagnostics for ${name}`);
        const diagnostics = await settled(document.uri, () => true, `diagnostics for ${name}`);
        const serious = diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(serious, [], `${name} has errors or warnings:\n${describe(serious)}`);
      }
    },
  ],
  [
    'completion on a heading offers the missing required section first',
    // Before the quick fix below edits this report: completion reads the server's latest lint, which
    // right after an edit is undone may still be of the edited text.
    async () => {
      const { document } = await open('learning-briefing-poor.md');
      const themes = document.getText().split('\n').indexOf('## Themes');
      assert.ok(themes > 0, 'no "## Themes" heading in learning-briefing-poor.md');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(themes, '## Themes'.length));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      const methodology = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Methodology');
      assert.ok(methodology, `no Methodology completion; got ${JSON.stringify(labels)}`);
      assert.match(String(methodology.detail), /^missing: the learning briefing profile requires it$/, `detail of Methodology: ${String(methodology.detail)}`);
      const ranked = [...list.items].filter((i) => i.sortText).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      assert.equal(ranked[0], methodology, `Methodology is not ranked first: ${JSON.stringify(ranked.slice(0, 3).map((i) => i.label))}`);
    },
  ],
  [
    'a quick fix from the code action provider inserts the missing section and clears its error',
    async () => {
      const { document, diagnostics } = await open('learning-briefing-poor.md');
      const missing = diagnostics.find((d) => ruleOf(d) === 'required-section');
      assert.ok(missing, `no required-section diagnostic; got:\n${describe(diagnostics)}`);
      assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range);
      const titles = actions.map((a) => a.title);
      const insert = actions.find((a) => a.title === 'Insert Methodology section');
      assert.ok(insert?.edit, `no "Insert Methodology section" action with an edit; actions: ${JSON.stringify(titles)}`);
      assert.ok(titles.includes('Disable required-section for this line'), `no disable action; actions: ${JSON.stringify(titles)}`);
      assert.equal(insert.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.ok(await vscode.workspace.applyEdit(insert.edit), 'the workspace edit was refused');
      assert.match(document.getText(), /^## Methodology$/m, 'the document has no Methodology heading after the fix');
      const after = await settled(document.uri, (d) => !d.some((x) => ruleOf(x) === 'required-section'), 'the required-section error to go');
      assert.ok(after.length > 0, 'the other findings disappeared too');
      await closeAll();
    },
  ],
  [
    'Fix all safe problems inserts text and removes the fixed findings',
    async () => {
      const { document, diagnostics } = await open('seven-minute-briefing-poor.md');
      const before = document.getText();
      const fixable = diagnostics.filter((d) => ruleOf(d) === 'required-section' || ruleOf(d) === 'acronym-undefined');
      assert.ok(fixable.length >= 2, `expected a missing section and an undefined acronym; got:\n${describe(diagnostics)}`);
      await vscode.commands.executeCommand('auditLint.fixAll');
      await waitFor('the fix-all edit', () => document.getText() !== before);
      const text = document.getText();
      assert.match(text, /^## Methodology$/m, 'fix-all did not insert the Methodology section');
      assert.match(text, /Graded Care Profile 2 \(GCP2\)/, 'fix-all did not write out GCP2');
      // Fix-all only inserts: the original text is still there, character by character, in order.
      let at = 0;
      for (let i = 0; i < before.length; i++) {
        at = text.indexOf(before[i], at) + 1;
        assert.ok(at > 0, `fix-all removed text at offset ${i} of the original: "${before.slice(i, i + 40)}"`);
      }
      const after = await settled(document.uri, (d) => !d.some((x) => ruleOf(x) === 'required-section' || (ruleOf(x) === 'acronym-undefined' && x.message.startsWith('GCP2'))), 'the fixed findings to go');
      assert.ok(after.length > 0, 'fix-all removed every finding, not only the fixed ones');
      await closeAll();
    },
  ],
  [
    'hover explains the rule of a finding and expands an acronym',
    async () => {
      const { document, diagnostics } = await open('maca-report-poor.md');
      const vague = diagnostics.find((d) => ruleOf(d) === 'vague-wording');
      assert.ok(vague, 'no vague-wording diagnostic to hover');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, vague.range.start.translate(0, 1));
      const text = hovers.map(markdownOf).join('\n---\n');
      assert.match(text, /\*\*vague-wording\*\*/, `the hover does not name the rule:\n${text}`);
      assert.ok(text.includes(`${DOCS_URL}vague-wording.md`), `the hover has no documentation link:\n${text}`);
      const lscb = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(10, 10));
      const acronym = lscb.map(markdownOf).join('\n---\n');
      assert.match(acronym, /Local Safeguarding Children Board/, `the hover over LSCB does not expand it:\n${acronym}`);
    },
  ],
  [
    'the outline lists the report sections with their actions and SMART scores',
    async () => {
      const { document } = await open('maca-report-poor.md');
      let all: vscode.DocumentSymbol[] = [];
      const isAction = (s: vscode.DocumentSymbol) => /^SMART [0-4]\/4$/.test(s.detail);
      // The built-in Markdown extension answers too; wait for the audit-lint symbols among them.
      await waitFor('document symbols with actions', async () => {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        all = [];
        const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (all.push(s), walk(s.children ?? [])));
        walk(symbols ?? []);
        return all.some(isAction);
      }, 10_000).catch((error: Error) => {
        throw new Error(`${error.message}; symbols: ${JSON.stringify(all.map((s) => [s.name, s.detail, s.kind]))}`);
      });
      const actions = all.filter(isAction);
      assert.ok(actions.length >= 4, `expected at least 4 actions in the outline; got: ${JSON.stringify(all.map((s) => [s.name, s.detail]))}`);
      assert.ok(actions.every((s) => s.kind === vscode.SymbolKind.Event), 'actions are not Event symbols');
      assert.ok(actions.some((s) => s.name.startsWith('All agencies to ensure')), `the first action is missing: ${JSON.stringify(actions.map((s) => s.name))}`);
      const sections = all.filter((s) => s.kind === vscode.SymbolKind.String && s.children.some((c) => actions.includes(c)));
      assert.equal(sections.length, 1, `the actions should sit under one section: ${JSON.stringify(sections.map((s) => s.name))}`);
      const lines = document.getText().split('\n');
      for (const action of actions) {
        assert.ok(sections[0].range.contains(action.range), `action "${action.name}" lies outside its section`);
        assert.ok(lines[action.range.start.line].includes(action.name.replace(/…$/, '')), `action "${action.name}" does not start on its line`);
      }
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const smart = lenses.filter((l) => /^Owner [✓✗] · Measure [✓✗] · Deadline [✓✗] · Outcome [✓✗]$/.test(l.command?.title ?? ''));
      assert.equal(smart.length, actions.length, `one SMART code lens per action; lenses: ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    },
  ],
  [
    'New audit report opens a skeleton for the chosen profile with no errors',
    async () => {
      await closeAll();
      const published = firstPublish((uri) => uri.scheme === 'untitled');
      let done = false;
      const created = Promise.resolve(vscode.commands.executeCommand<vscode.TextEditor | undefined>('auditLint.newReport')).finally(() => (done = true));
      // The command asks for a profile with a quick pick; accept the one it offers first, once it shows.
      await waitFor('the profile quick pick to be accepted', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      }, 10_000);
      const editor = await created;
      assert.ok(editor, 'New audit report opened no editor');
      const active = vscode.window.activeTextEditor;
      assert.ok(active, 'no editor after New audit report');
      const { document } = active;
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.languageId, 'markdown');
      const profile = /^profile: ([\w-]+)$/m.exec(document.getText())?.[1];
      assert.ok(profile && PROFILES.includes(profile), `the new report names no known profile:\n${document.getText().slice(0, 200)}`);
      assert.match(document.getText(), /^# .+$/m, 'the new report has no title');
      assert.equal((await within(published, "the server's diagnostics for the new report")).toString(), document.uri.toString());
      const diagnostics = await settled(document.uri, () => true, 'diagnostics for the new report');
      const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors, [], `the new ${profile} report has errors:\n${describe(errors)}`);
      await closeAll();
    },
  ],
  [
    'Import Word document opens the converted report, linted at once, and is on the Explorer menu of .docx files',
    async () => {
      await closeAll();
      const menus = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.menus?.['explorer/context'] ?? [];
      assert.ok(
        menus.some((m: { command: string; when: string }) => m.command === 'auditLint.importWord' && /docx/.test(m.when)),
        'Import Word document is not on the Explorer menu of .docx files',
      );
      // The Explorer passes the clicked file; the command palette asks with a file picker.
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('auditLint.importWord', fileUri('draft.docx'));
      assert.ok(editor, 'no editor after Import Word document');
      const { document } = editor;
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.languageId, 'markdown');
      assert.match(document.getText(), /^---\ntitle: MACA neglect audit\nprofile: maca-report\ncases: 6\n---\n\n# MULTI-AGENCY CASE AUDIT – NEGLECT\n/);
      assert.match(document.getText(), /^1\. All agencies to ensure that information is shared in a timely manner\.$/m);
      const diagnostics = await settled(document.uri, (d) => d.length > 0, 'diagnostics for the imported report');
      const tbc = diagnostics.find((d) => ruleOf(d) === 'placeholder');
      assert.ok(tbc && tbc.severity === vscode.DiagnosticSeverity.Error, `no placeholder error for "TBC":\n${describe(diagnostics)}`);
      assert.equal(document.getText(tbc.range), 'TBC');
      assert.ok(diagnostics.filter((d) => ruleOf(d) === 'smart-owner').length >= 4, `expected a smart-owner warning per action:\n${describe(diagnostics)}`);
      await closeAll();
    },
  ],
  [
    'Review Word document writes the reviewed copy beside the draft, each problem a comment, and is on the Explorer menu of .docx files',
    async () => {
      await closeAll();
      const menus = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.menus?.['explorer/context'] ?? [];
      assert.ok(
        menus.some((m: { command: string; when: string }) => m.command === 'auditLint.reviewWord' && /docx/.test(m.when)),
        'Review Word document is not on the Explorer menu of .docx files',
      );
      const draft = await vscode.workspace.fs.readFile(fileUri('draft.docx'));
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('auditLint.reviewWord', fileUri('draft.docx'));
      try {
        assert.ok(uri, 'Review Word document wrote nothing');
        assert.equal(uri.fsPath, fileUri('draft.reviewed.docx').fsPath);
        const copy = Buffer.from(await vscode.workspace.fs.readFile(uri));
        assert.equal(copy.subarray(0, 2).toString('latin1'), 'PK', 'the reviewed copy is not a zip');
        assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(fileUri('draft.docx'))), Buffer.from(draft), 'the draft was changed');
      } finally {
        if (uri) await vscode.workspace.fs.delete(uri);
      }
    },
  ],
  [
    'Export as Word document and as web page write beside the report; a report with a placeholder is refused',
    async () => {
      await closeAll();
      const written: vscode.Uri[] = [];
      try {
        for (const [command, extension] of [['auditLint.exportWord', 'docx'], ['auditLint.exportWebPage', 'html']] as const) {
          const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, fileUri('maca-report-good.md'));
          assert.ok(uri, `${command} wrote nothing`);
          written.push(uri);
          assert.equal(uri.fsPath, fileUri(`maca-report-good.${extension}`).fsPath);
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (extension === 'docx') assert.equal(Buffer.from(bytes.subarray(0, 2)).toString('latin1'), 'PK', 'the Word document is not a zip');
          else assert.match(Buffer.from(bytes).toString('utf8'), /<html lang="en-GB">[\s\S]*<meta name="generator" content="audit-lint /);
        }
        // The poor report has a placeholder: the command asks, and dismissing the question exports nothing.
        await open('maca-report-poor.md');
        const refused = vscode.commands.executeCommand<vscode.Uri | undefined>('auditLint.exportWebPage');
        await sleep(1_500);
        await vscode.commands.executeCommand('notifications.clearAll');
        assert.equal(await Promise.race([refused, sleep(10_000).then(() => 'timeout' as const)]), undefined, 'the refused export wrote a file or did not return');
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fileUri('maca-report-poor.html'))), 'maca-report-poor.html was written');
      } finally {
        for (const uri of written) await vscode.workspace.fs.delete(uri);
        await closeAll();
      }
    },
  ],
  [
    'Summarise audit programme opens a page of every report in the folder beside the editor, with no script',
    async () => {
      await closeAll();
      const menus = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.menus?.['explorer/context'] ?? [];
      assert.ok(
        menus.some((m: { command: string; when: string }) => m.command === 'auditLint.summariseProgramme' && m.when === 'explorerResourceIsFolder'),
        'Summarise audit programme is not on the Explorer menu of folders',
      );
      await open('maca-report-poor.md');
      // The Explorer passes the clicked folder.
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('auditLint.summariseProgramme', folder());
      assert.ok(panel, 'no summary page opened');
      try {
        // The panel learns its column once the workbench has shown it.
        await waitFor('the summary page beside the report', () => panel.viewColumn === vscode.ViewColumn.Two);
        assert.equal(panel.webview.options.enableScripts, false);
        const html = panel.webview.html;
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
        assert.match(html, /<h1>Audit programme on \d{1,2} [A-Z][a-z]+ \d{4}<\/h1>/);
        const reports = (await vscode.workspace.fs.readDirectory(folder())).filter(([name]) => /\.md$/.test(name)).map(([name]) => name);
        assert.ok(reports.length > 0);
        for (const name of reports) assert.ok(html.includes(`<span class="written">${name}</span>`), `${name} is not in the summary`);
        assert.match(html, /Multi-agency case audit: neglect in children under five/);
      } finally {
        panel.dispose();
        await closeAll();
      }
    },
  ],
];

export async function run(): Promise<void> {
  const results: CheckResult[] = [];
  for (const [name, check] of checks) {
    const started = Date.now();
    try {
      await check();
      results.push({ name, ok: true, ms: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name, ok: false, ms: Date.now() - started, error: message });
    }
    writeFileSync(join(folder().fsPath, RESULTS_FILE), JSON.stringify(results, null, 2));
  }
  const failed = results.filter((r) => !r.ok);
  for (const r of results) console.log(`${r.ok ? 'ok' : 'FAILED'} - ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} extension host checks failed:\n${failed.map((f) => `- ${f.name}: ${f.error}`).join('\n')}`);
}
