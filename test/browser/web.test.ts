/**
 * The browser page (dist/site/) in headless Chromium (Debian's, through playwright-core), served
 * from this machine: the rows it shows are the command line's stylish rows, bad files get the
 * command line's message while the others are still checked, nothing leaves the page's origin and
 * the policy refuses a fetch, axe-core finds no WCAG 2.2 AA violation, and a keyboard alone can
 * open a file, move through its findings and download. Each step waits for the page's own signal
 * (a file's data-state, the body's data-busy), never for a time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../scripts/serve-web.mjs';
import { axeViolations, launchChromium } from './chromium';

const root = path.join(__dirname, '..', '..');
const site = path.join(root, 'dist', 'site');
const artifacts = path.join(root, 'test', 'artifacts');
const docx = (folder: string, name: string) => path.join(root, 'test', 'fixtures', 'docx', folder, name);
const WORD_DRAFT = docx('pandoc', 'maca-report-poor.docx');
const HIDDEN_DATA = docx('ooxml', 'hidden.docx');
const MARKDOWN = path.join(root, 'examples', 'maca-report-poor.md');

let browser: Browser;
let server: Server;
let origin: string;
/** Every request the server answered, in order, so a test can prove what the page asked for. */
const served: string[] = [];

beforeAll(async () => {
  // The page and the command line it is compared with, both built from this source.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
  const started = await serveSite(site);
  server = started.server;
  origin = new URL(started.url).origin;
  server.on('request', (request) => served.push(request.url ?? ''));
  browser = await launchChromium({ fontHinting: false });
  fs.mkdirSync(artifacts, { recursive: true });
  // Two builds on a busy machine: a guard against hangs, not a measure of speed.
}, 180_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(options: { width?: number; colorScheme?: 'light' | 'dark'; context?: BrowserContext } = {}): Promise<Page> {
  const context = options.context ?? (await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => document.querySelector('#setting-profile option[value="maca-report"]') !== null);
  return page;
}

/** Wait until every file shown is checked or refused. */
async function settled(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-file]').length === n && document.body.dataset.busy === 'false', count);
}

/** Drop files on the page as a person does: one drop event carrying them all. */
async function drop(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

const read = (file: string) => ({ name: path.basename(file), bytes: fs.readFileSync(file) });

interface Row {
  where: string;
  severity: string;
  message: string;
  rules: string;
}

/** The command line's stylish rows for each file, run in the file's folder so it is named as on the page. */
function cliRows(file: string, args: string[] = []): Row[] {
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--format', 'stylish', ...args, path.basename(file)], { cwd: path.dirname(file), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBeLessThan(2);
  const rows: Row[] = [];
  for (const line of run.stdout.split('\n')) {
    const row = /^ {2}(.+?) {2,}(error|warning|info) +(.+) {2}([a-z-]+(?:, [a-z-]+)*)$/.exec(line);
    if (row) rows.push({ where: row[1].trim(), severity: row[2], message: row[3], rules: row[4].split(', ').join(' ') });
  }
  return rows;
}

async function pageRows(page: Page, name: string): Promise<Row[]> {
  return page.$$eval(`[data-file="${name}"] [data-rule]`, (items) =>
    items.map((item) => ({
      where: item.querySelector('.where')!.textContent!,
      severity: item.querySelector('.severity')!.textContent!,
      message: item.querySelector('.message')!.textContent!,
      rules: item.getAttribute('data-rule')!,
    })),
  );
}

const byPlace = (rows: Row[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('the page in Chromium', () => {
  it('a Word draft and a Markdown report dropped together show the command line\'s stylish rows, rule by rule', async () => {
    const page = await openPage();
    await drop(page, [read(WORD_DRAFT), read(MARKDOWN), read(HIDDEN_DATA)]);
    await settled(page, 3);
    for (const file of [WORD_DRAFT, MARKDOWN, HIDDEN_DATA]) {
      const name = path.basename(file);
      expect(await page.getAttribute(`[data-file="${name}"]`, 'data-state')).toBe('done');
      const expected = cliRows(file);
      expect(expected.length, `${name} has findings to compare`).toBeGreaterThan(5);
      expect(byPlace(await pageRows(page, name)), name).toEqual(byPlace(expected));
    }
    // The hidden data of a Word draft comes first, in a group of its own.
    const hidden = await page.$$eval('[data-file="hidden.docx"] [data-rule]', (items) => items.map((i) => i.closest('.problem-group')!.classList.contains('hidden-data')));
    expect(hidden[0]).toBe(true);
    expect(hidden.indexOf(false)).toBeGreaterThan(0);
    expect(hidden.slice(hidden.indexOf(false))).not.toContain(true);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('bad files get the command line\'s message, and the report dropped with them is still checked', async () => {
    const page = await openPage();
    const picture = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const pictureFile = path.join(artifacts, 'photo.docx');
    fs.writeFileSync(pictureFile, picture);
    const bad = [docx('bad', 'legacy.doc'), docx('bad', 'password.docx'), docx('bad', 'truncated.docx'), docx('bad', 'bomb.docx'), docx('bad', 'understated.docx'), pictureFile];
    await drop(page, [...bad.map(read), read(MARKDOWN)]);
    await settled(page, bad.length + 1);
    for (const file of bad) {
      const name = path.basename(file);
      const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), name], { cwd: path.dirname(file), encoding: 'utf8' });
      expect(run.status).toBe(2);
      const message = run.stderr.trim().replace(`audit-lint: ${name}: `, '');
      expect(message.length).toBeGreaterThan(20);
      expect(await page.getAttribute(`[data-file="${name}"]`, 'data-state'), name).toBe('refused');
      expect(await page.textContent(`[data-file="${name}"] .error-text`)).toBe(`Not checked: ${name} ${message}`);
    }
    expect(await page.getAttribute('[data-file="maca-report-poor.md"]', 'data-state')).toBe('done');
    expect(byPlace(await pageRows(page, 'maca-report-poor.md'))).toEqual(byPlace(cliRows(MARKDOWN)));
    await page.context().close();
  });

  it('no request leaves the page\'s origin after it loads, a fetch is refused by the policy in the page and in the engine\'s worker, and it works offline', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await openPage({ context });
    const loaded = requests.length;
    const servedBefore = served.length;

    // Online, so that only the policy can refuse: to the page's own server and to another.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const results = await page.evaluate(async (targets) => {
      const attempt = (url: string) => fetch(url, { method: 'POST', body: 'draft' }).then(() => 'sent', () => 'refused');
      return [await attempt(targets[0]), await attempt(targets[1])];
    }, [`${origin}/collect`, 'https://example.org/collect']);
    expect(results).toEqual(['refused', 'refused']);
    await page.waitForFunction(() => (window as unknown as { violations: string[] }).violations.length === 2);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([`connect-src ${origin}/collect`, 'connect-src https://example.org/collect']);

    const [worker] = page.workers();
    expect(worker, 'the engine runs in a web worker').toBeDefined();
    const fromWorker = await worker.evaluate((target) => fetch(target, { method: 'POST', body: 'draft' }).then(() => 'sent', () => 'refused'), `${origin}/collect`);
    expect(fromWorker).toBe('refused');

    // Offline, the page still checks files and makes their downloads.
    await context.setOffline(true);
    await page.setInputFiles('input[type="file"]', [WORD_DRAFT, MARKDOWN]);
    await settled(page, 2);
    expect(await page.getAttribute('[data-file="maca-report-poor.docx"]', 'data-state')).toBe('done');
    const download = page.waitForEvent('download');
    await page.click('[data-file="maca-report-poor.md"] [data-download="actions"]');
    expect((await download).suggestedFilename()).toBe('maca-report-poor.actions.csv');

    // After load the page asked for nothing but its own blob: the worker's start-up script.
    const after = requests.slice(loaded).filter((url) => !url.startsWith(`blob:${origin}/`));
    expect(after).toEqual([]);
    expect(requests.slice(0, loaded).every((url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`))).toBe(true);
    expect(served.slice(servedBefore)).toEqual([]);
    await context.close();
  });

  for (const width of [1280, 375]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`no WCAG 2.2 AA violation (axe-core) at ${width} px in the ${colorScheme} scheme, with results shown`, async () => {
        // axe is added by the test, which the page's own policy would refuse; nothing else changes.
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, bypassCSP: true });
        const page = await openPage({ context });
        await page.click('#settings-details summary');
        await drop(page, [read(HIDDEN_DATA), read(MARKDOWN), read(docx('bad', 'legacy.doc'))]);
        await settled(page, 3);
        await page.click('[data-file="hidden.docx"] details summary');
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: path.join(artifacts, `web-${width}-${colorScheme}.png`) });
        await context.close();
      });
    }
  }

  it('by keyboard alone: open a file, move through its findings to their words, and download', async () => {
    const page = await openPage();
    /** Press Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails if it is never reached. */
    const tabTo = async (selector: string, key = 'Tab') => {
      for (let presses = 0; presses < 400; presses++) {
        await page.keyboard.press(key);
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${selector} cannot be reached with Tab`);
    };
    await tabTo('input[type="file"]');
    // Space opens the focused file input; headless Chromium now and then drops the first key press
    // before the page has user activation, so a press that opens nothing is repeated (Space, then Enter).
    let chooser: FileChooser | undefined;
    for (const key of ['Space', 'Enter', 'Space', 'Enter']) {
      const opened = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => undefined);
      await page.keyboard.press(key);
      chooser = await opened;
      if (chooser) break;
    }
    expect(chooser, 'the file input opens from the keyboard').toBeDefined();
    await chooser!.setFiles([MARKDOWN]);
    await settled(page, 1);
    expect(await page.textContent('#announcer')).toMatch(/^maca-report-poor\.md checked: \d+ problems/);

    await tabTo('[data-file="maca-report-poor.md"] .show-in-report');
    const target = await page.evaluate(() => document.activeElement!.getAttribute('href')!.slice(1));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');

    // The downloads are above the findings: back up to them.
    await tabTo('[data-file="maca-report-poor.md"] [data-download="actions"]', 'Shift+Tab');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('maca-report-poor.actions.csv');
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'actions', '--format', 'csv', 'maca-report-poor.md'], { cwd: path.dirname(MARKDOWN), encoding: 'utf8' });
    expect(fs.readFileSync((await saved.path())!, 'utf8')).toBe(cli.stdout);
    await page.context().close();
  });

  it('the reviewed copy of a Word draft downloads and holds one comment per problem row, as `audit-lint review` writes them', async () => {
    const page = await openPage();
    await page.setInputFiles('input[type="file"]', [WORD_DRAFT]);
    await settled(page, 1);
    const rows = await pageRows(page, 'maca-report-poor.docx');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /reviewed copy/ }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('maca-report-poor.reviewed.docx');
    const copy = unzipSync(fs.readFileSync((await saved.path())!));

    const cliCopy = path.join(fs.mkdtempSync(path.join(artifacts, 'review-')), 'cli.docx');
    const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'review', path.basename(WORD_DRAFT), '-o', cliCopy], { cwd: path.dirname(WORD_DRAFT), encoding: 'utf8' });
    expect(run.status, run.stderr).toBeLessThan(2);
    const expected = unzipSync(fs.readFileSync(cliCopy));
    const comments = (parts: Record<string, Uint8Array>) =>
      [...strFromU8(parts['word/comments.xml']).matchAll(/<w:comment\b[\s\S]*?<\/w:comment>/g)].map((c) => [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(comments(copy)).toHaveLength(rows.length);
    expect(comments(copy)).toEqual(comments(expected));
    // The same copy as the command line's, part by part; only the comments' dates may differ.
    expect(Object.keys(copy).sort()).toEqual(Object.keys(expected).sort());
    const undated = (xml: Uint8Array) => strFromU8(xml).replace(/ w:date="[^"]*"/g, '');
    for (const name of Object.keys(expected)) expect(undated(copy[name]), name).toBe(undated(expected[name]));
    await page.context().close();
  });

  it('downloads what the command line writes: a Word draft as Markdown, a report as a Word document and a web page', async () => {
    const page = await openPage();
    await page.setInputFiles('input[type="file"]', [WORD_DRAFT, path.join(root, 'examples', 'maca-report-good.md')]);
    await settled(page, 2);
    const take = async (file: string, kind: string) => {
      const download = page.waitForEvent('download');
      await page.click(`[data-file="${file}"] [data-download="${kind}"]`);
      const saved = await download;
      return { name: saved.suggestedFilename(), bytes: fs.readFileSync((await saved.path())!) };
    };
    const imported = await take('maca-report-poor.docx', 'markdown');
    const cliImport = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'import', path.basename(WORD_DRAFT), '-o', '-'], { cwd: path.dirname(WORD_DRAFT), encoding: 'utf8' });
    expect(imported.name).toBe('maca-report-poor.md');
    expect(imported.bytes.toString('utf8')).toBe(cliImport.stdout);

    const out = fs.mkdtempSync(path.join(artifacts, 'export-'));
    const good = path.join(root, 'examples', 'maca-report-good.md');
    for (const to of ['html', 'docx'] as const) {
      const exported = await take('maca-report-good.md', to);
      expect(exported.name).toBe(`maca-report-good.${to}`);
      const cliFile = path.join(out, `cli.${to}`);
      const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'export', good, '--to', to, '-o', cliFile], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      if (to === 'html') expect(exported.bytes.toString('utf8')).toBe(fs.readFileSync(cliFile, 'utf8'));
      else expect(strFromU8(unzipSync(exported.bytes)['word/document.xml'])).toBe(strFromU8(unzipSync(fs.readFileSync(cliFile))['word/document.xml']));
    }

    // A report with personal data or placeholders is not exported, as on the command line.
    await page.setInputFiles('input[type="file"]', [MARKDOWN]);
    await settled(page, 3);
    await page.click('[data-file="maca-report-poor.md"] [data-download="docx"]');
    await page.waitForFunction(() => /was not exported/.test(document.querySelector('[data-file="maca-report-poor.md"] .download-status')!.textContent ?? ''));
    expect(await page.textContent('[data-file="maca-report-poor.md"] .download-status')).toContain('maca-report-poor.md:');
    await page.context().close();
  });

  it('several reports show their audit programme, and it downloads as `audit-lint summary` writes it', async () => {
    const folder = path.join(root, 'test', 'fixtures', 'summary');
    const reports = fs.readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
    const page = await openPage();
    await page.setInputFiles('input[type="file"]', reports.map((f) => path.join(folder, f)));
    await settled(page, reports.length);
    expect(await page.isVisible('#programme')).toBe(true);
    expect(await page.textContent('#programme-heading')).toBe(`The audit programme of these ${reports.length} reports`);
    for (const kind of ['html', 'csv'] as const) {
      const download = page.waitForEvent('download');
      await page.click(kind === 'html' ? '#programme-page' : '#programme-csv');
      const saved = await download;
      // The page's own date, from the file's name, so the command line is asked about the same day.
      const today = /^audit-programme-(\d{4}-\d{2}-\d{2})\.(html|csv)$/.exec(saved.suggestedFilename())![1];
      const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', ...reports, '--today', today, '--format', kind], { cwd: folder, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(0);
      expect(fs.readFileSync((await saved.path())!, 'utf8')).toBe(cli.stdout);
    }
    // One report alone makes no programme.
    await page.getByRole('button', { name: `Close ${reports[0]}` }).click();
    await page.getByRole('button', { name: `Close ${reports[1]}` }).click();
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    expect(await page.isVisible('#programme')).toBe(false);
    await page.context().close();
  });

  it('a broken .auditlintrc.json is named with the command line\'s message, and reports wait until it is fixed or set aside', async () => {
    const page = await openPage();
    const broken = JSON.stringify({ rules: { 'no-such-rule': 'error' } });
    const brokenFile = path.join(fs.mkdtempSync(path.join(artifacts, 'config-')), '.auditlintrc.json');
    fs.writeFileSync(brokenFile, broken);
    const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), '--config', '.auditlintrc.json', MARKDOWN], { cwd: path.dirname(brokenFile), encoding: 'utf8' });
    expect(cli.status).toBe(2);
    // The command line names the file by its full path; the page by the name it was dropped with.
    const message = cli.stderr.trim().replace(/^audit-lint: /, '').replace(`${path.dirname(brokenFile)}${path.sep}`, '');
    expect(message).toMatch(/^\.auditlintrc\.json: "rules\.no-such-rule": unknown rule/);
    await drop(page, [{ name: '.auditlintrc.json', bytes: Buffer.from(broken) }, read(MARKDOWN)]);
    await settled(page, 1);
    await page.waitForFunction(() => document.getElementById('settings-error')!.textContent !== '');
    expect(await page.textContent('#settings-error')).toBe(`These settings cannot be used: ${message}`);
    expect(await page.getAttribute('[data-file="maca-report-poor.md"]', 'data-state')).toBe('refused');
    expect(await page.textContent('[data-file="maca-report-poor.md"] .error-text')).toBe(`Not checked: maca-report-poor.md ${message}`);

    await page.getByRole('button', { name: 'Stop using the configuration file' }).click();
    await settled(page, 1);
    expect(await page.getAttribute('[data-file="maca-report-poor.md"]', 'data-state')).toBe('done');
    expect(await page.textContent('#settings-error')).toBe('');
    expect(byPlace(await pageRows(page, 'maca-report-poor.md'))).toEqual(byPlace(cliRows(MARKDOWN)));
    await page.context().close();
  });

  it('a dropped .auditlintrc.json and the settings on the page apply as on the command line, and are kept in the browser', async () => {
    const page = await openPage();
    const config = { rules: { 'grading-terms': 'off', 'vague-wording': 'error' } };
    const configFile = path.join(artifacts, '.auditlintrc.json');
    fs.writeFileSync(configFile, JSON.stringify(config));
    await drop(page, [{ name: '.auditlintrc.json', bytes: Buffer.from(JSON.stringify(config)) }, read(MARKDOWN)]);
    await settled(page, 1);
    const expected = cliRows(MARKDOWN, ['--config', configFile]);
    expect(expected.some((r) => r.rules.includes('grading-terms'))).toBe(false);
    expect(expected.some((r) => r.rules === 'vague-wording' && r.severity === 'error')).toBe(true);
    expect(byPlace(await pageRows(page, 'maca-report-poor.md'))).toEqual(byPlace(expected));
    expect(await page.textContent('#config-status')).toContain('.auditlintrc.json');

    // Settings made on the page go over the file's, as a configuration with both would.
    await page.click('#settings-details summary');
    await page.selectOption('#setting-audience', 'public');
    await page.fill('#setting-acronyms', 'LSCB = Northshire Local Safeguarding Children Board');
    await page.locator('#setting-acronyms').blur();
    await settled(page, 1);
    const both = path.join(artifacts, 'both.auditlintrc.json');
    fs.writeFileSync(both, JSON.stringify({ ...config, readability: { audience: 'public' }, vocabulary: { acronyms: { LSCB: 'Northshire Local Safeguarding Children Board' } } }));
    const withPage = cliRows(MARKDOWN, ['--config', both]);
    expect(byPlace(withPage)).not.toEqual(byPlace(expected));
    expect(byPlace(await pageRows(page, 'maca-report-poor.md'))).toEqual(byPlace(withPage));

    // Pasted text is checked as that report's file is.
    await page.click('.paste summary');
    await page.fill('#paste-text', fs.readFileSync(MARKDOWN, 'utf8'));
    await page.click('#check-paste');
    await settled(page, 2);
    const pasted = (await page.getAttribute('[data-file^="Pasted text"]', 'data-file'))!;
    expect(byPlace(await pageRows(page, pasted))).toEqual(byPlace(withPage));
    await page.getByRole('button', { name: `Close ${pasted}` }).click();

    // A line that is no acronym is named, and stays in the box as typed.
    await page.fill('#setting-acronyms', 'LSCB = Northshire Local Safeguarding Children Board\nnot an acronym');
    await page.locator('#setting-acronyms').blur();
    await page.waitForFunction(() => document.getElementById('settings-error')!.textContent!.includes('Not read as acronyms'));
    expect(await page.textContent('#settings-error')).toBe('Not read as acronyms (write them as NSF = Northshire Safeguarding Forum): not an acronym');
    expect(await page.inputValue('#setting-acronyms')).toBe('LSCB = Northshire Local Safeguarding Children Board\nnot an acronym');
    await page.selectOption('#setting-audience', '');
    await page.fill('#setting-acronyms', '');
    await page.locator('#setting-acronyms').blur();

    // Kept in this browser: after a reload the configuration still applies.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#setting-profile option[value="maca-report"]') !== null);
    await page.setInputFiles('input[type="file"]', [MARKDOWN]);
    await settled(page, 1);
    expect(byPlace(await pageRows(page, 'maca-report-poor.md'))).toEqual(byPlace(expected));

    // A profile chosen for one file is the one it is checked as.
    await page.selectOption('[data-file="maca-report-poor.md"] select[id$="-profile"]', 'learning-briefing');
    await settled(page, 1);
    expect(await page.$eval('[data-file="maca-report-poor.md"] select[id$="-profile"]', (s) => (s as HTMLSelectElement).value)).toBe('learning-briefing');
    expect(await page.textContent('[data-file="maca-report-poor.md"] .profile')).toContain('chosen on this page');
    await page.context().close();
  });
});
