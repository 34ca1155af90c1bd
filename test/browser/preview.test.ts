/**
 * The preview's HTML and CSS rendered in headless Chromium (Debian's chromium, driven by
 * playwright-core) in light, dark and high-contrast themes. Screenshots go to test/artifacts/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { auditLintPreview } from '../../client/src/preview/plugin';

const root = path.join(__dirname, '..', '..');
const artifacts = path.join(root, 'test', 'artifacts');
const css = fs.readFileSync(path.join(root, 'media', 'preview.css'), 'utf8');

/** The theme colours VS Code's default themes give the preview, as CSS variables. */
const THEMES: Record<string, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-body vscode-light',
    vars: { 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'editorError-foreground': '#e51400', 'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff', 'testing-iconPassed': '#388a34', 'textLink-foreground': '#005fb8', 'panel-border': '#e5e5e5', 'textBlockQuote-background': '#f8f8f8' },
  },
  dark: {
    bodyClass: 'vscode-body vscode-dark',
    vars: { 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'editorError-foreground': '#f85149', 'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff', 'testing-iconPassed': '#73c991', 'textLink-foreground': '#4daafc', 'panel-border': '#2b2b2b', 'textBlockQuote-background': '#2b2b2b' },
  },
  'high-contrast': {
    bodyClass: 'vscode-body vscode-high-contrast',
    vars: { 'editor-background': '#000000', 'editor-foreground': '#ffffff', 'editorError-foreground': '#f48771', 'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff', 'testing-iconPassed': '#73c991', 'textLink-foreground': '#21a6ff', 'panel-border': '#6fc3df', 'contrastBorder': '#6fc3df', 'contrastActiveBorder': '#f38518', 'textBlockQuote-background': '#000000' },
  },
};

function page(body: string, theme: (typeof THEMES)[string]): string {
  const vars = Object.entries(theme.vars).map(([k, v]) => `--vscode-${k}: ${v};`).join(' ');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    :root { ${vars} }
    body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); font-family: sans-serif; font-size: 14px; padding: 0 26px; max-width: 900px; }
    ${css}</style></head><body class="${theme.bodyClass}">${body}</body></html>`;
}

// As in VS Code's preview: front matter is taken out of the rendered page, but stays in the source the plugin lints.
const render = (file: string) =>
  new MarkdownIt({ html: true }).use(frontMatter, () => undefined).use(auditLintPreview).render(fs.readFileSync(path.join(root, 'examples', file), 'utf8'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('audit preview in Chromium', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    it(`${name} theme: scorecard readable, findings marked with their reason`, async () => {
      const tab = await browser.newPage({ viewport: { width: 960, height: 1400 } });
      await tab.setContent(page(render('maca-report-poor.md'), theme));
      const card = tab.locator('.audit-lint-scorecard');
      await expect(card.isVisible()).resolves.toBe(true);
      const box = await card.boundingBox();
      expect(box!.y).toBeLessThan(50);
      expect(await tab.locator('.audit-lint-actions tbody tr').count()).toBe(4);
      expect(await tab.locator('.audit-lint-sections .audit-lint-no').count()).toBe(0);

      const marks = tab.locator('mark.audit-lint-finding');
      expect(await marks.count()).toBeGreaterThanOrEqual(2);
      const title = await tab.locator('mark[data-rule="placeholder"]').getAttribute('title');
      expect(title).toMatch(/^placeholder \(error\): Placeholder "TBC"/);

      // WCAG AA: text keeps 4.5:1 contrast with the page, the coloured borders that carry severity 3:1.
      const colours = await tab.evaluate(() => {
        const bg = getComputedStyle(document.body).backgroundColor;
        const selectors = ['.audit-lint-scorecard', '.audit-lint-count.audit-lint-error', '.audit-lint-count.audit-lint-warning', '.audit-lint-count.audit-lint-info', '.audit-lint-yes', '.audit-lint-no'];
        return selectors.map((s) => {
          const style = getComputedStyle(document.querySelector(s)!);
          return { s, fg: style.color, border: style.borderTopColor, bg };
        });
      });
      for (const { s, fg, border, bg } of colours) {
        expect(contrast(fg, bg), `${s} text ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        if (s !== '.audit-lint-scorecard') expect(contrast(border, bg), `${s} border ${border} on ${bg}`).toBeGreaterThanOrEqual(3);
      }

      await tab.screenshot({ path: path.join(artifacts, `preview-poor-${name}.png`), fullPage: true });
      await tab.setContent(page(render('maca-report-good.md'), theme));
      expect(await tab.locator('mark.audit-lint-finding').count()).toBe(0);
      expect(await tab.locator('.audit-lint-actions .audit-lint-yes').count()).toBeGreaterThanOrEqual(8);
      await tab.screenshot({ path: path.join(artifacts, `preview-good-${name}.png`), fullPage: true });
      await tab.close();
    });
  }
});
