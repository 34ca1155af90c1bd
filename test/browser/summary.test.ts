/**
 * The audit programme's page in headless Chromium (Debian's, through playwright-core): axe-core
 * finds no WCAG 2.2 AA violation on a desktop or a phone, and the page fits an A4 page in print.
 * A screenshot goes to test/artifacts/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './chromium';
import { resolveSettings } from '../../server/src/core/config/settings';
import { lint } from '../../server/src/core/engine';
import { summariseProgramme } from '../../server/src/core/programme';
import { renderProgrammeHtml } from '../../server/src/formats/summary';

const root = path.join(__dirname, '..', '..');
const artifacts = path.join(root, 'test', 'artifacts');
const settings = resolveSettings(undefined, '(defaults)');
const FOLDERS = ['examples', path.join('test', 'fixtures', 'summary')];
/** A4 less 12 mm margins each side, at CSS's 96 pixels to the inch. */
const A4_PRINT_WIDTH = Math.floor(((210 - 24) / 25.4) * 96);

const reports = FOLDERS.flatMap((folder) =>
  fs
    .readdirSync(path.join(root, folder))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(folder, f)),
);
const html = renderProgrammeHtml(
  summariseProgramme(
    reports.map((file) => ({ file, result: lint(fs.readFileSync(path.join(root, file), 'utf8'), settings), settings })),
    { today: '2026-12-07' },
  ),
);
const empty = renderProgrammeHtml(summariseProgramme([], { today: '2026-12-07' }));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium({ fontHinting: false });
  fs.mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(page: string, width: number, javaScript = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
  const tab = await context.newPage();
  await tab.setContent(page, { waitUntil: 'load' });
  return tab;
}

describe('the audit programme page in Chromium', () => {
  it('has no WCAG 2.2 AA violations (axe-core), on a desktop and on a phone, with reports and with none', async () => {
    for (const [name, page] of [['programme', html], ['empty programme', empty]] as const) {
      for (const width of [1280, 375]) {
        const tab = await open(page, width);
        expect(await axeViolations(tab), `${name} at ${width}px`).toEqual([]);
        if (name === 'programme' && width === 1280) await tab.screenshot({ path: path.join(artifacts, 'summary-page.png'), fullPage: true });
        await tab.close();
      }
    }
  });

  it('fits the width of an A4 page in print, and needs no script', async () => {
    const tab = await open(html, A4_PRINT_WIDTH, false);
    await tab.emulateMedia({ media: 'print' });
    const overflow = await tab.evaluate(() => ({ page: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    expect(overflow.page).toBeLessThanOrEqual(overflow.width);
    // Every chart's data is in a table beside it, and each chart names itself for assistive technology.
    const charts = await tab.evaluate(() =>
      Array.from(document.querySelectorAll('figure.chart')).map((figure) => ({
        table: figure.querySelector('.chart-data table') !== null,
        label: figure.querySelector('svg[role="img"]')?.getAttribute('aria-labelledby')?.split(' ').map((id: string) => document.getElementById(id)?.textContent ?? '').join(' | '),
      })),
    );
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart.table).toBe(true);
      expect(chart.label).toMatch(/\S \| \S/);
    }
    await tab.close();
  });

  it('keeps the skip link first and takes focus to the summary', async () => {
    const tab = await open(html, 1280);
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the summary');
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('main');
    await tab.close();
  });
});
