// A picture of an exported web page for the README, taken by Debian's Chromium at a desktop width.
//   node scripts/screenshot-page.mjs page.html out.png
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const tab = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 0.6 });
await tab.goto(pathToFileURL(page).href);
await tab.screenshot({ path: out, fullPage: true });
await browser.close();
