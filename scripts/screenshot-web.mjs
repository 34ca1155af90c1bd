// The README's picture of the browser page with a Word draft's findings, taken by Debian's Chromium.
//   npm run build:web && node scripts/screenshot-web.mjs draft.docx out.png
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serveSite } from './serve-web.mjs';

const [draft, out] = process.argv.slice(2);
const { server, url } = await serveSite(fileURLToPath(new URL('../dist/site/', import.meta.url)));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 1600 }, deviceScaleFactor: 0.75 });
  await tab.goto(url);
  await tab.setInputFiles('input[type="file"]', draft);
  await tab.waitForFunction(() => document.body.dataset.busy === 'false' && document.querySelector('[data-file][data-state="done"]'));
  // From the page's promise to the file's first findings.
  await tab.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: await tab.evaluate(() => document.querySelectorAll('.findings .problem')[4].getBoundingClientRect().bottom + 16) } });
} finally {
  await browser.close();
  server.close();
}
