// Reading the VS Code window the way a user sees it: the Problems panel, the status bar, the editor.
import assert from 'node:assert/strict';

/**
 * Every row of the Problems panel, grouped by file. The panel is a virtual list that only renders
 * the rows in view, so it is scrolled from top to bottom and the rows collected by their index.
 * Returns Map(file name → { count: the file row's count, rows: marker aria-labels in order }).
 */
export async function problemsByFile(vscode) {
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
export async function openFile(vscode, name) {
  const tab = vscode.page.locator(`.tab[data-resource-name="${name}"]`).first();
  if (await tab.count()) await tab.click();
  else await vscode.openFile(name);
  await vscode.page.locator(`.tab.active[data-resource-name="${name}"]`).first().waitFor({ timeout: 10_000 });
}

/** The visible text of the active editor (Monaco renders spaces as no-break spaces). */
export async function editorText(vscode) {
  const text = await vscode.page.locator('.editor-instance .monaco-editor .view-lines >> visible=true').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

export const severityCount = (rows, severity) => rows.filter((row) => row.startsWith(`${severity}:`)).length;

/** The file's Problems rows once the panel lists them all and they stop changing. */
export async function settledProblems(vscode, file, accept = (group) => group.rows.length > 0, timeout = 30_000) {
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

/**
 * The audit-lint status bar item's text for `file` ("2 errors, 3 warnings · SMART 1 of 4"), read from
 * its accessible label, which names the document the counts belong to: right after switching
 * editors the item may still show the previous document's counts.
 */
export async function reportStatus(vscode, file, accept = () => true) {
  const prefix = `audit-lint, ${file}: `;
  return vscode.waitFor(
    async () => {
      const labels = await vscode.page.locator('.statusbar-item[aria-label^="audit-lint, "]').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
      const text = labels.find((label) => label.startsWith(prefix))?.slice(prefix.length);
      return text && accept(text) && text;
    },
    { message: `the audit-lint status bar item for ${file}` },
  );
}

export function parseStatus(text) {
  const match = /^(\d+) errors?, (\d+) warnings?(?: · SMART (\d+) of (\d+))?$/.exec(text);
  assert.ok(match, `unexpected status bar text: ${text}`);
  const [, error, warning, smart, total] = match.map(Number);
  return { error, warning, smart: Number.isNaN(smart) ? undefined : smart, total: Number.isNaN(total) ? undefined : total };
}
