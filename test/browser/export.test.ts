/**
 * The exported web page in headless Chromium (Debian's, through playwright-core): axe-core finds no
 * WCAG 2.2 AA violation in any example report's page, and the seven-minute briefing's panels read,
 * tab and print in order. Screenshots of the panels go to test/artifacts/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchChromium } from './chromium';
import { resolveSettings } from '../../server/src/core/config/settings';
import { exportReport } from '../../server/src/formats/export';

const root = path.join(__dirname, '..', '..');
const artifacts = path.join(root, 'test', 'artifacts');
const settings = resolveSettings(undefined, '(defaults)');
const BRIEFING = path.join(root, 'test', 'fixtures', 'export', 'seven-minute-briefing.md');
const REPORTS = [
  ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.md')).map((f) => path.join(root, 'examples', f)),
  path.join(root, 'test', 'fixtures', 'export', 'features.md'),
  BRIEFING,
];

/** The page as exported; the poor examples are forced past their placeholders, as an author may. */
async function page(file: string): Promise<string> {
  const result = await exportReport({ text: fs.readFileSync(file, 'utf8'), file, settings, to: 'html', force: true });
  if (!result.ok) throw new Error('not exported');
  return new TextDecoder().decode(result.data);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium({ fontHinting: false });
  fs.mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function open(file: string, width: number, height = 900): Promise<Page> {
  const tab = await browser.newPage({ viewport: { width, height } });
  await tab.setContent(await page(file), { waitUntil: 'load' });
  return tab;
}

describe('exported web page in Chromium', () => {
  for (const file of REPORTS) {
    const name = path.relative(root, file);
    it(`${name}: no WCAG 2.2 AA violations (axe-core), on a desktop and on a phone`, async () => {
      for (const width of [1280, 375]) {
        const tab = await open(file, width);
        expect(await axeViolations(tab), `${name} at ${width}px`).toEqual([]);
        await tab.close();
      }
    });
  }

  it('the skip link is the first stop and takes focus to the main content; focus is visible', async () => {
    const tab = await open(BRIEFING, 1280);
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    const skip = await tab.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      const box = document.activeElement!.getBoundingClientRect();
      return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), top: box.top };
    });
    expect(skip.outline).toBe('solid');
    expect(skip.width).toBeGreaterThanOrEqual(3);
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('content');
    await tab.keyboard.press('Tab');
    const link = await tab.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(link).toEqual({ text: 'Westmere guidance on children missing education', outline: 'solid' });
    await tab.close();
  });

  it('seven panels on a desktop: numbered 1–7, placed row by row in reading order, the title first', async () => {
    const tab = await open(BRIEFING, 1280);
    const cells = await tab.$$eval('.panels > *', (nodes) => nodes.map((n) => {
      const box = n.getBoundingClientRect();
      return { number: n.querySelector('.panel-number')?.textContent ?? 'title', x: Math.round(box.x), y: Math.round(box.y) };
    }));
    expect(cells.map((c) => c.number)).toEqual(['title', '1', '2', '3', '4', '5', '6', '7']);
    // Four columns, two rows: reading left to right, top to bottom, meets the cells in source order.
    expect(new Set(cells.map((c) => c.x)).size).toBe(4);
    expect(new Set(cells.map((c) => c.y)).size).toBe(2);
    const visual = [...cells].sort((a, b) => a.y - b.y || a.x - b.x).map((c) => c.number);
    expect(visual).toEqual(cells.map((c) => c.number));
    // Tab order is source order: the links come in the order of their panels.
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await tab.keyboard.press('Tab');
      stops.push(await tab.evaluate(() => document.activeElement?.closest('section')?.querySelector('.panel-number')?.textContent ?? document.activeElement!.tagName));
    }
    expect(stops).toEqual(['A', '7', '7']);
    await tab.screenshot({ path: path.join(artifacts, 'export-briefing-desktop.png'), fullPage: true });
    await tab.close();
  });

  it('one column on a phone, with nothing wider than the screen', async () => {
    const tab = await open(BRIEFING, 375, 800);
    const xs = await tab.$$eval('.panels > *', (nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().x)));
    expect(new Set(xs).size).toBe(1);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await tab.screenshot({ path: path.join(artifacts, 'export-briefing-phone.png'), fullPage: true });
    await tab.close();
  });

  it('prints on one A4 page, in two columns', async () => {
    for (const file of [BRIEFING, path.join(root, 'examples', 'seven-minute-briefing-good.md')]) {
      const tab = await open(file, 794, 1123);
      await tab.emulateMedia({ media: 'print' });
      const pdf = await tab.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages, path.basename(file)).toHaveLength(1);
      const xs = await tab.$$eval('.panels > *', (nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().x)));
      expect(new Set(xs).size).toBe(2);
      if (file === BRIEFING) {
        fs.writeFileSync(path.join(artifacts, 'export-briefing-print.pdf'), pdf);
        await tab.screenshot({ path: path.join(artifacts, 'export-briefing-print.png'), fullPage: true });
      }
      await tab.close();
    }
  });

  it('a long report prints its table header on every page', async () => {
    const tab = await open(path.join(root, 'examples', 'maca-report-good.md'), 794, 1123);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.$eval('thead', (n) => getComputedStyle(n).display)).toBe('table-header-group');
    expect(await tab.$eval('.skip-link', (n) => getComputedStyle(n).display)).toBe('none');
    await tab.close();
  });
});
