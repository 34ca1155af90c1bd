// The audit-lint extension in a real VS Code (code-server), two ways:
// - the packaged audit-lint.vsix installed and driven through the UI: Problems panel, a quick fix
//   from the light bulb, the status bar, New audit report and the audit preview, with a screenshot
//   of each step in test/artifacts/;
// - the checks of host/index.ts run inside the extension host with the extension loaded from this
//   folder, as @vscode/test-electron would run them.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, runExtensionTests } from './harness.mjs';
import { bundleHostTests, exampleWorkspace as newExampleWorkspace, HOST_TESTS, RESULTS_FILE, root } from './setup-shared.mjs';

const VSIX = join(root, 'audit-lint.vsix');
const STEP_TIMEOUT = 60_000;

const workspaces = [];
function exampleWorkspace() {
  const dir = newExampleWorkspace();
  workspaces.push(dir);
  return dir;
}

/** The CLI's view of a report's actions, to check the editor's SMART figures against. */
/** Rows the CLI's stylish report shows for a file: the Problems panel shows the same problems. */
function cliProblemRows(file) {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.js'), file], { encoding: 'utf8' });
  return run.stdout.split('\n').filter((line) => /^ {2}\d+:\d+ /.test(line)).length;
}

function cliActions(file) {
  const out = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'actions', '--format', 'json', file], { encoding: 'utf8' });
  const { actions } = JSON.parse(out);
  return { total: actions.length, smart: actions.filter((a) => a.score === 4).length };
}

before(async () => {
  // Builds dist/ and packages it, as a user would install it.
  execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  await bundleHostTests();
});

after(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

/**
 * Every row of the Problems panel, grouped by file. The panel is a virtual list that only renders
 * the rows in view, so it is scrolled from top to bottom and the rows collected by their index.
 * Returns Map(file name → { count: the file row's count, rows: marker aria-labels in order }).
 */
async function problemsByFile(vscode) {
  const { page } = vscode;
  await vscode.problems(); // opens the panel if needed
  const list = page.locator('.markers-panel .monaco-list').first();
  const byIndex = new Map();
  /** Adds the rendered rows to byIndex; returns which are rendered (a file's row may stay stuck at the top). */
  const read = async () => {
    const rows = await page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-index')), el.getAttribute('aria-label') ?? '']));
    for (const [index, label] of rows) byIndex.set(index, label);
    return rows.map(([index]) => index).sort((x, y) => x - y).join();
  };
  /** Where the list is scrolled, read from its scroll bar's slider (which fades out but keeps its layout). */
  const position = () =>
    list.evaluate((el) => {
      const bar = el.querySelector('.scrollbar.vertical');
      const slider = bar?.querySelector('.slider');
      if (!bar || !slider || slider.offsetHeight === 0) return { start: true, end: true };
      return { start: slider.offsetTop === 0, end: slider.offsetTop + slider.offsetHeight >= bar.clientHeight - 1 };
    });
  const box = (await list.count()) ? await list.boundingBox() : null;
  if (box) {
    // The mouse rests on the list's scroll bar, where no row shows a hover that would take the
    // wheel events; scrolling moves neither focus nor selection.
    const wheel = async (delta, wiggle) => {
      await page.mouse.move(box.x + box.width - 4 - (wiggle % 2), box.y + box.height / 2);
      await page.mouse.wheel(0, delta);
    };
    // Small steps: one huge wheel delta is ignored.
    const toStart = async () => {
      for (let i = 0; i < 100 && !(await position()).start; i++) {
        await wheel(-400, i);
        await page.waitForTimeout(40);
      }
    };
    await toStart();
    // Less than a screenful at a time, so no row is skipped, until the end has been read.
    for (let i = 0; i < 200; i++) {
      await read();
      if ((await position()).end) break;
      await wheel(150, i + 1);
      await page.waitForTimeout(60);
    }
    await read();
    await toStart();
  }
  const files = new Map();
  let current;
  for (const [, label] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    const file = /^(\d+) problems? in file (.+?) of folder /.exec(label) ?? /^(\d+) problems? in file (\S+)/.exec(label);
    if (file) {
      current = { count: Number(file[1]), rows: [] };
      files.set(file[2], current);
    } else if (current && /^(Error|Warning|Info)\b/.test(label)) {
      current.rows.push(label);
    }
  }
  return files;
}

/** Open a workspace file (its tab when it has one, else through Quick Open) and wait until its editor is the active one. */
async function openFile(vscode, name) {
  const tab = vscode.page.locator(`.tab[data-resource-name="${name}"]`).first();
  if (await tab.count()) await tab.click();
  else await vscode.openFile(name);
  await vscode.page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 10_000 });
}

/** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
async function editorText(vscode) {
  const text = await vscode.page.locator('.editor-instance .monaco-editor .view-lines >> visible=true').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

const severityCount = (rows, severity) => rows.filter((row) => row.startsWith(`${severity}:`)).length;

/** The file's Problems rows once the panel lists them all and they stop changing. */
async function settledProblems(vscode, file, accept = (group) => group.rows.length > 0, timeout = 30_000) {
  let last = '';
  return vscode.waitFor(
    async () => {
      const group = (await problemsByFile(vscode)).get(file) ?? { count: 0, rows: [] };
      const key = JSON.stringify(group);
      const same = key === last;
      last = key;
      return same && group.rows.length === group.count && accept(group) && group;
    },
    { timeout, interval: 400, message: `the Problems panel rows of ${file}` },
  );
}

/** The audit-lint status bar item's text ("2 errors, 3 warnings · SMART 1 of 4", icon left out). */
async function reportStatus(vscode, accept = () => true) {
  return vscode.waitFor(
    async () => (await vscode.statusBarTexts()).find((text) => /^\d+ errors?, \d+ warnings?/.test(text) && accept(text)),
    { message: 'the audit-lint status bar item' },
  );
}

function parseStatus(text) {
  const match = /^(\d+) errors?, (\d+) warnings?(?: · SMART (\d+) of (\d+))?$/.exec(text);
  assert.ok(match, `unexpected status bar text: ${text}`);
  const [, error, warning, smart, total] = match.map(Number);
  return { error, warning, smart: Number.isNaN(smart) ? undefined : smart, total: Number.isNaN(total) ? undefined : total };
}

describe('the packaged extension, driven through the VS Code UI', { timeout: 180_000 }, () => {
  let vscode;
  let workspace;
  let step = 0;

  before(async () => {
    workspace = exampleWorkspace();
    vscode = await launch({ workspace, vsix: VSIX });
  });
  after(async () => {
    await vscode?.close();
  });

  /** A test that keeps a screenshot of the window when it fails. */
  const uiTest = (name, fn) =>
    test(name, { timeout: STEP_TIMEOUT }, async () => {
      const label = `e2e-${++step}`;
      try {
        await fn(label);
      } catch (error) {
        const shot = await vscode?.screenshot(`failure-${label}`).catch(() => 'none');
        error.message += `\nscreenshot: ${shot}\ncode-server log: ${vscode?.logFile}`;
        throw error;
      }
    });

  uiTest('the Problems panel lists a poor report\'s findings and none for a good report', async (label) => {
    await openFile(vscode, 'maca-report-poor.md');
    const rows = cliProblemRows(join(workspace, 'maca-report-poor.md'));
    assert.ok(rows >= 20, `the CLI shows only ${rows} problems for maca-report-poor.md`);
    const poor = await settledProblems(vscode, 'maca-report-poor.md', (group) => group.count === rows);
    const expected = [
      'Warning: Heading "1.0 INTRODUCTION" is in capitals.',
      'Warning: LSCB is not defined in this report.',
      'Warning: The methodology does not say: how the cases were selected, which agencies took part',
      'Warning: Paragraph 3.4 follows 3.2: 3.3 is missing.',
      'Warning: Action is missing: owner, measure, deadline, outcome for the child ("All agencies" is not an owner',
      'Info: Vague wording "robust"',
    ];
    for (const start of expected) {
      assert.ok(poor.rows.some((row) => row.startsWith(start)), `no Problems row starting "${start}"; rows:\n${poor.rows.join('\n')}`);
    }
    assert.ok(poor.rows.some((row) => /^Warning: LSCB is not defined.* at line 11 and character 9\. generated by audit-lint/.test(row)), 'the LSCB row has the wrong position or source');
    assert.ok(poor.rows.every((row) => row.endsWith('generated by audit-lint')), `rows from another source:\n${poor.rows.join('\n')}`);
    await vscode.screenshot(`${label}-problems-poor`);

    await openFile(vscode, 'maca-report-good.md');
    await reportStatus(vscode, (text) => text.startsWith('0 errors'));
    const good = await settledProblems(vscode, 'maca-report-good.md', () => true);
    assert.equal(severityCount(good.rows, 'Error'), 0, `the good report has errors:\n${good.rows.join('\n')}`);
    assert.equal(severityCount(good.rows, 'Warning'), 0, `the good report has warnings:\n${good.rows.join('\n')}`);
    await vscode.screenshot(`${label}-problems-good`);
  });

  uiTest('the status bar shows the report\'s counts and SMART score', async (label) => {
    await openFile(vscode, 'maca-report-poor.md');
    const rows = cliProblemRows(join(workspace, 'maca-report-poor.md'));
    const group = await settledProblems(vscode, 'maca-report-poor.md', (g) => g.count === rows);
    const status = parseStatus(await reportStatus(vscode, (text) => !text.startsWith('0 errors, 0 warnings')));
    assert.equal(status.error, severityCount(group.rows, 'Error'), 'errors in the status bar and in the Problems panel');
    assert.equal(status.warning, severityCount(group.rows, 'Warning'), 'warnings in the status bar and in the Problems panel');
    const actions = cliActions(join(workspace, 'maca-report-poor.md'));
    assert.ok(actions.total > 0, 'the CLI found no actions in maca-report-poor.md');
    assert.deepEqual([status.smart, status.total], [actions.smart, actions.total], 'SMART figure in the status bar and from the CLI');

    await openFile(vscode, 'maca-report-good.md');
    const good = parseStatus(await reportStatus(vscode, (text) => text.startsWith('0 errors, 0 warnings')));
    const goodActions = cliActions(join(workspace, 'maca-report-good.md'));
    assert.deepEqual([good.smart, good.total], [goodActions.smart, goodActions.total], 'SMART figure of the good report');
    await vscode.screenshot(`${label}-status-bar`);
  });

  uiTest('a quick fix chosen from the light bulb inserts the missing section and its error goes', async (label) => {
    const { page } = vscode;
    await openFile(vscode, 'learning-briefing-poor.md');
    const missing = 'Error: Missing section: Methodology.';
    const before = await settledProblems(vscode, 'learning-briefing-poor.md', (g) => g.rows.some((row) => row.startsWith(missing)));
    const row = before.rows.find((r) => r.startsWith(missing));
    const line = /at line (\d+) and character/.exec(row)?.[1];
    assert.ok(line, `no position in "${row}"`);

    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Insert Methodology section' });
    await fix.waitFor({ timeout: 10_000 });
    const offered = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    assert.ok(offered.includes('Disable required-section for this line'), `quick fixes offered: ${JSON.stringify(offered)}`);
    await vscode.screenshot(`${label}-quick-fix-menu`);
    await fix.click();

    await vscode.waitFor(async () => /^## Methodology$/m.test(await editorText(vscode)), { message: 'the inserted Methodology heading in the editor' });
    const afterFix = await settledProblems(vscode, 'learning-briefing-poor.md', (g) => !g.rows.some((r) => r.startsWith(missing)));
    assert.ok(afterFix.rows.length > 0, 'the other findings are gone too');
    assert.equal(severityCount(afterFix.rows, 'Error'), 0, `errors remain:\n${afterFix.rows.join('\n')}`);
    const status = parseStatus(await reportStatus(vscode, (text) => text.startsWith('0 errors')));
    assert.equal(status.warning, severityCount(afterFix.rows, 'Warning'), 'warnings in the status bar after the fix');
    await vscode.screenshot(`${label}-quick-fix-applied`);
  });

  uiTest('New audit report creates a skeleton with no errors', async (label) => {
    const { page } = vscode;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>audit-lint: New audit report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'audit-lint: New audit report' }).first().waitFor();
    await page.keyboard.press('Enter');
    const profile = page.locator('.quick-input-list .monaco-list-row', { hasText: 'maca-report' }).first();
    await profile.waitFor();
    const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    for (const id of ['maca-report', 'seven-minute-briefing', 'learning-briefing']) {
      assert.ok(offered.some((text) => text.includes(id)), `profile ${id} is not offered: ${JSON.stringify(offered)}`);
    }
    await vscode.screenshot(`${label}-new-report-profiles`);
    await profile.click();
    await page.locator('.tab[data-resource-name^="Untitled-"]').waitFor();
    await vscode.waitFor(async () => /profile: maca-report/.test(await editorText(vscode)), { message: 'the skeleton\'s front matter' });
    // The new report's own figures replace the previous report's once the server has linted it.
    const group = await settledProblems(vscode, 'Untitled-1', (g) => g.rows.length > 0);
    assert.equal(severityCount(group.rows, 'Error'), 0, `the new report has errors:\n${group.rows.join('\n')}`);
    const expected = `0 errors, ${severityCount(group.rows, 'Warning')} warning`;
    const status = await reportStatus(vscode, (text) => text.startsWith(expected)).catch(async (error) => {
      error.message += `; status bar: ${JSON.stringify(await vscode.statusBarTexts())}`;
      throw error;
    });
    assert.equal(parseStatus(status).error, 0);
    await vscode.screenshot(`${label}-new-report`);
  });

  uiTest('the audit preview shows the scorecard with its sections and actions', async (label) => {
    await openFile(vscode, 'maca-report-poor.md');
    const status = parseStatus(await reportStatus(vscode, (text) => !text.startsWith('0 errors, 0 warnings')));
    await vscode.runCommand('audit-lint: Open audit preview to the side');
    await vscode.page.locator('.tab[aria-label*="Preview"][aria-label*="maca-report-poor.md"]').first().waitFor({ timeout: 30_000 });
    const card = vscode.webview().locator('.audit-lint-scorecard');
    await card.waitFor({ timeout: 30_000 });
    const heading = await card.locator('.audit-lint-heading').innerText();
    assert.match(heading, /^audit-lint · \S/, `scorecard heading: ${heading}`);
    // The preview renders again as the editor settles; give it a few seconds to show the same counts.
    const expected = new RegExp(`^${status.error} errors? ${status.warning} warnings? \\d+ infos?$`);
    let counts = '';
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
      counts = await vscode.webview().locator('.audit-lint-scorecard .audit-lint-counts').innerText();
      if (expected.test(counts)) break;
    }
    assert.match(counts, expected, `scorecard counts "${counts}" against the status bar ${JSON.stringify(status)}`);

    const sections = await card.locator('table.audit-lint-sections tbody tr').evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    assert.ok(sections.length >= 4, `sections table: ${JSON.stringify(sections)}`);
    assert.ok(sections.some((s) => /^Methodology ✓/.test(s)), `Methodology is not shown as present: ${JSON.stringify(sections)}`);

    const actions = cliActions(join(workspace, 'maca-report-poor.md'));
    const caption = await card.locator('table.audit-lint-actions caption').innerText();
    assert.equal(caption, `Actions: ${actions.smart} of ${actions.total} have an owner, a measure, a deadline and an outcome`);
    const actionRows = await card.locator('table.audit-lint-actions tbody tr').count();
    assert.equal(actionRows, actions.total, 'rows of the actions table');
    const firstAction = await card.locator('table.audit-lint-actions tbody tr').first().innerText();
    assert.match(firstAction, /All agencies to ensure/, `first action row: ${firstAction}`);
    assert.ok((await card.locator('table.audit-lint-rules tbody tr').count()) > 3, 'the findings-by-rule table is nearly empty');
    assert.ok((await vscode.webview().locator('mark.audit-lint-finding').count()) > 0, 'no finding is marked in the text');
    await vscode.screenshot(`${label}-preview`);
  });
});

test('checks inside the extension host', { timeout: 180_000 }, async (t) => {
  const workspace = exampleWorkspace();
  const code = await runExtensionTests({
    name: 'e2e-host',
    workspace,
    extensionDevelopmentPath: root,
    extensionTestsPath: HOST_TESTS,
    timeoutMs: 150_000,
  });
  let results = [];
  try {
    results = JSON.parse(readFileSync(join(workspace, RESULTS_FILE), 'utf8'));
  } catch {
    // run() never got to write them; the exit code tells the rest.
  }
  for (const result of results) {
    await t.test(result.name, () => {
      if (!result.ok) assert.fail(result.error);
    });
  }
  assert.ok(results.length > 0, `the extension host wrote no results (exit code ${code})`);
  assert.equal(code, 0, `the extension host tests exited with ${code}`);
});

