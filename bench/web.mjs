// `node bench/web.mjs`: how long the browser page takes to show a 60-page Word draft's findings
// (target 2 s), from the moment the file is chosen to the moment its findings are on the page, in
// Debian's Chromium; beside it, the command line on the same file, alternating, so that a busy
// machine slows both alike. Needs pandoc (to write the draft) and chromium. BENCH_RUNS sets the runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from '../scripts/serve-web.mjs';
import { compendium, random } from './generate.mjs';
import { measure, median } from './measure.mjs';

const TARGET_MS = 2000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 5);

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
// The same 60-page report as npm run bench's Word figure.
const folder = path.join(root, 'bench', 'reports', 'web');
fs.mkdirSync(folder, { recursive: true });
const markdown = path.join(folder, 'report-60-pages.md');
const docx = path.join(folder, 'report-60-pages.docx');
fs.writeFileSync(markdown, compendium(random(60), 150_000));
execFileSync('pandoc', [markdown, '-o', docx]);

const { server, url } = await serveSite(path.join(root, 'dist', 'site'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const times = [];
const cliTimes = [];
let problems = 0;
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('#setting-profile option[value="maca-report"]') !== null);
    // Timed inside the page: from the input's change event to the file's results being shown.
    await page.evaluate(() => {
      const input = document.querySelector('input[type="file"]');
      input.addEventListener('change', () => (window.benchStart = performance.now()), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-file][data-state="done"]')) {
          window.benchDone = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.setInputFiles('input[type="file"]', docx);
    await page.waitForFunction(() => window.benchDone !== undefined, null, { timeout: 60_000 });
    times.push(await page.evaluate(() => window.benchDone - window.benchStart));
    problems = await page.locator('[data-rule]').count();
    await page.close();
    const cli = await measure(process.execPath, [path.join(root, 'dist', 'cli.js'), docx]);
    if (cli.code !== 0 && cli.code !== 1) throw new Error(`audit-lint failed (exit ${cli.code}): ${cli.stderr}`);
    cliTimes.push(cli.wallMs);
    process.stdout.write('.');
  }
} finally {
  await browser.close();
  server.close();
}
const ms = median(times);
const cliMs = median(cliTimes);
console.log(`\nBrowser page, 60-page Word draft (${Math.round(fs.statSync(docx).size / 1024)} KB, ${problems} problems): findings shown in ${(ms / 1000).toFixed(2)} s (median of ${runs}; target ${TARGET_MS / 1000} s) ${ms <= TARGET_MS ? 'met' : 'NOT met'}`);
console.log(`The command line on the same file, between the page's runs: ${(cliMs / 1000).toFixed(2)} s (the page takes ${(ms / cliMs).toFixed(2)}× its time)`);
