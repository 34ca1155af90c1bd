// Drives a real VS Code (code-server on Node 24) through headless Chromium.
// Nothing is written outside a temporary folder except screenshots and logs in test/artifacts/.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = resolve(here, '../artifacts');
const NODE24_BIN = join(here, 'node24/node_modules/node/bin');
const CODE_SERVER = join(here, 'vscode-host/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.AUDIT_LINT_CHROMIUM ?? '/usr/bin/chromium';

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  // Keeps the chat side bar out of screenshots.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Node 24 first on PATH, and a private home so nothing reaches the real one. */
function serverEnv(home) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_')) delete env[key];
  return {
    ...env,
    PATH: `${NODE24_BIN}:${env.PATH}`,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
}

function serverArgs(dirs) {
  return ['--user-data-dir', dirs.user, '--extensions-dir', dirs.exts];
}

/** Install a .vsix into the session's extensions folder (about a second). */
function installVsix(dirs, env, vsix) {
  const result = spawnSync(join(NODE24_BIN, 'node'), [CODE_SERVER, ...serverArgs(dirs), '--install-extension', resolve(vsix)], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** Start code-server in its own process group; resolve with its port once it listens. */
function startServer(dirs, env, logFile) {
  const child = spawn(
    join(NODE24_BIN, 'node'),
    [
      CODE_SERVER,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...serverArgs(dirs),
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(logFile);
  let output = '';
  const port = new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s; log: ${logFile}`)), 60_000);
    const onData = (chunk) => {
      log.write(chunk);
      output += chunk;
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code} before listening; log: ${logFile}`));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return { child, port };
}

// Servers still running (→ their temporary home): killed with their groups, and the home
// removed, if this process exits or is interrupted.
const live = new Map();
const killNow = (home, child) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(home, { recursive: true, force: true });
};
process.on('exit', () => live.forEach(killNow));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    live.forEach(killNow);
    process.kill(process.pid, signal);
  });
}

/** SIGTERM the whole group (code-server forks the extension host and file watcher), then SIGKILL. */
async function killGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise((done) => setTimeout(done, 5_000, 'timeout'));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

let sessions = 0;

function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${resolve(path)}`;
}

/**
 * Start VS Code on `workspace` and return a session.
 *
 * options.vsix                      install this extension before starting
 * options.extensionDevelopmentPath  load an extension from a folder, as F5 does
 * options.extensionTestsPath        with the above: a module whose `run()` runs in the extension host;
 *                                   its result arrives through session.testsExitCode
 * options.settings                  extra user settings
 */
export async function launch(options) {
  for (const needed of [join(NODE24_BIN, 'node'), CODE_SERVER, CHROMIUM]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run bash test/e2e/setup.sh`);
  }
  const workspace = resolve(options.workspace);
  const started = Date.now();
  const home = mkdtempSync(join(tmpdir(), 'audit-lint-vscode-'));
  const dirs = { user: join(home, 'user'), exts: join(home, 'exts') };
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  mkdirSync(dirs.exts, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(dirs.user, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2));
  const env = serverEnv(home);
  if (options.vsix) installVsix(dirs, env, options.vsix);

  const logFile = join(ARTIFACTS, `code-server-${process.pid}-${++sessions}.log`);
  const { child, port: portPromise } = startServer(dirs, env, logFile);
  live.set(child, home);

  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await killGroup(child);
    live.delete(child);
    rmSync(home, { recursive: true, force: true });
  };

  try {
    const port = await portPromise;
    const serverMs = Date.now() - started;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let resolveExit;
    const testsExitCode = new Promise((done) => (resolveExit = done));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));

    const query = new URLSearchParams({ folder: workspace });
    if (options.extensionDevelopmentPath) {
      const payload = [['extensionDevelopmentPath', remoteUri(port, options.extensionDevelopmentPath)]];
      if (options.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, options.extensionTestsPath)]);
      query.set('payload', JSON.stringify(payload));
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    await page.goto(`${baseUrl}/?${query}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Session({ page, baseUrl, port, workspace, home, logFile, serverMs, testsExitCode, cleanup });
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Run `fn(session)` and always close the session. When `fn` throws, the window is kept as
 * test/artifacts/failure-<pid>-<time>.png and the error names it and the code-server log.
 */
export async function withVSCode(options, fn) {
  const session = await launch(options);
  try {
    return await fn(session);
  } catch (error) {
    const shot = await session.screenshot(`failure-${process.pid}-${Date.now()}`).catch(() => 'none');
    error.message += `\nscreenshot: ${shot}\ncode-server log: ${session.logFile}`;
    throw error;
  } finally {
    await session.close();
  }
}

/**
 * Run in-extension-host tests: `extensionTestsPath` exports `run()`; resolves with the exit code
 * (0 when run() resolved). A screenshot `<name>.png` is kept either way.
 */
export async function runExtensionTests({ name = 'extension-tests', timeoutMs = 120_000, ...options }) {
  return withVSCode(options, async (session) => {
    let timer;
    const timeout = new Promise((done) => (timer = setTimeout(done, timeoutMs, 'timeout')));
    // Cleared at once, or the pending timer would keep the test process alive until it fires.
    const code = await Promise.race([session.testsExitCode, timeout]).finally(() => clearTimeout(timer));
    await session.screenshot(name);
    if (code === 'timeout') throw new Error(`extension tests did not finish in ${timeoutMs} ms; log: ${session.logFile}`);
    return code;
  });
}

class Session {
  constructor({ page, baseUrl, port, workspace, home, logFile, serverMs, testsExitCode, cleanup }) {
    Object.assign(this, { page, baseUrl, port, workspace, home, logFile, serverMs, testsExitCode });
    this.cleanup = cleanup;
  }

  /** Poll `fn` until it returns a truthy value; return that value. */
  async waitFor(fn, { timeout = 30_000, interval = 250, message = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      last = await fn();
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message}`);
      await new Promise((done) => setTimeout(done, interval));
    }
  }

  /** Quick Open the workspace file `name` and wait for its editor tab. */
  async openFile(name) {
    const { page } = this;
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab[data-resource-name="${name}"]`).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Run a command by its title through the command palette (F1). */
  async runCommand(title) {
    const { page } = this;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /**
   * The Problems panel rows' aria-labels, e.g.
   * "Warning: <message> at line 3 and character 14. generated by <source>" (file rows are left out).
   */
  async problems() {
    const { page } = this;
    if (!(await page.locator('.markers-panel').isVisible())) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
    }
    const labels = await page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    return labels.filter((label) => /^(Error|Warning|Info)\b/.test(label));
  }

  /**
   * The content of the visible webview (e.g. the Markdown preview), as a Playwright FrameLocator:
   * webviews are an outer iframe holding the document in #active-frame.
   */
  webview() {
    return this.page.frameLocator('iframe.webview.ready >> visible=true').frameLocator('#active-frame');
  }

  /** Texts of the visible status bar items. */
  async statusBarTexts() {
    const texts = await this.page.locator('.statusbar-item').evaluateAll((items) => items.map((i) => i.innerText.trim()));
    return texts.filter(Boolean);
  }

  /** Save a PNG of the window to test/artifacts/<name>.png and return its path. */
  async screenshot(name) {
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** The code-server log so far, for failure messages. */
  log() {
    return readFileSync(this.logFile, 'utf8');
  }

  async close() {
    await this.cleanup();
  }
}
