// Checks the harness itself against a real VS Code: the workbench loads, a file opens, the
// command palette runs a built-in command, and the Problems panel, status bar and a webview
// (the Markdown preview) can be read.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { withVSCode } from './harness.mjs';

const workspace = fileURLToPath(new URL('./workspace', import.meta.url));

test('VS Code opens a Markdown file and can be driven', { timeout: 180_000 }, async () => {
  await withVSCode({ workspace }, async (vscode) => {
    await vscode.openFile('report.md');
    const status = await vscode.waitFor(async () => {
      const texts = await vscode.statusBarTexts();
      return texts.includes('Markdown') && texts;
    }, { message: 'the Markdown language mode in the status bar' });
    assert.ok(status.includes('Markdown'));
    assert.deepEqual(await vscode.problems(), []);
    await vscode.runCommand('Markdown: Open Preview to the Side');
    await vscode.page.locator('.tab[aria-label^="[Preview] report.md"]').waitFor({ timeout: 30_000 });
    await vscode.webview().locator('h2', { hasText: 'Methodology' }).waitFor({ timeout: 30_000 });
    await vscode.screenshot('smoke');
  });
});
