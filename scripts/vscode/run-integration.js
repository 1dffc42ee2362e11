#!/usr/bin/env node
// @ts-check
/**
 * Runs the mocha suite (out/test/integration/index.js) inside a real VS Code extension host: a throwaway
 * code-server driven by headless Chromium, on a fresh fixture workspace with fake keys rendered now.
 * Build first (`npx tsc -p . && node esbuild.js`); install the host with scripts/vscode/install-host.sh.
 *
 * Usage: node scripts/vscode/run-integration.js [--grep PATTERN] [--timeout SECONDS] [--keep]
 * Last line: `integration: N passed, N failed`. Exit code: 0 only when the suite ran and nothing failed.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');
const host = require('./host');
const { renderFixtureTree } = require('./fixture');

const RESULT_MARK = 'KEYGUARD-RESULT ';
const verboseLog = process.env.KEYGUARD_TEST_VERBOSE === '1';

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { grep: process.env.KEYGUARD_TEST_GREP ?? '', timeoutSeconds: 600, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep' || arg === '-g') options.grep = argv[++i] ?? '';
    else if (arg.startsWith('--grep=')) options.grep = arg.slice('--grep='.length);
    else if (arg === '--timeout') options.timeoutSeconds = Number(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** @param {string} line */
function say(line) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const suiteIndex = path.join(host.REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  for (const needed of [suiteIndex, path.join(host.REPO_ROOT, 'dist', 'extension.js')]) {
    if (!fs.existsSync(needed)) throw new Error(`${path.relative(host.REPO_ROOT, needed)} is missing: run "npx tsc -p . && node esbuild.js"`);
  }

  const dirs = host.makeRunDirs('kg-integration-');
  const workspace = path.join(dirs.baseDir, 'workspace');
  const stats = renderFixtureTree(path.join(host.REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, {
    log: (line) => say(`[integration] ${line}`),
  });
  say(`[integration] workspace ${workspace}: ${stats.files} files, ${stats.placeholders} fake keys rendered`);

  // The extension host inherits code-server's environment: this is how tests find their inputs.
  const testEnv = {
    KEYGUARD_TEST_WORKSPACE: workspace,
    KEYGUARD_TEST_GREP: options.grep,
    KEYGUARD_TEST_USER_DATA_DIR: dirs.userDataDir,
    KEYGUARD_REPO_ROOT: host.REPO_ROOT,
  };
  /** @type {{ passed: number, failed: number } | undefined} */
  let result;
  /** @type {import('./host').RunningHost | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  let exitCode = 1;
  const cleanup = async () => {
    if (timer) clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await host.startCodeServer({ dirs, env: testEnv, keep: options.keep });
    say(`[integration] code-server ${server.origin} (log ${server.logFile})`);
    browser = await host.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const finished = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${options.timeoutSeconds} s`)), options.timeoutSeconds * 1000);
      void page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ _type, /** @type {unknown[]} */ args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      const mark = line.indexOf(RESULT_MARK);
      if (mark >= 0) {
        try {
          result = JSON.parse(line.slice(mark + RESULT_MARK.length));
        } catch {
          say(`[integration] unreadable result line: ${line}`);
        }
        return;
      }
      // The workbench's own offline noise (marketplace lookups) says nothing about the suite.
      if (!verboseLog && /ENOTFOUND|AccountPolicyGate/.test(line)) return;
      say(line);
    });
    const url = host.workbenchUrl(server, {
      folder: workspace,
      extensionDevelopmentPath: host.REPO_ROOT,
      extensionTestsPath: suiteIndex.replace(/\.js$/, ''),
    });
    await page.goto(url);
    exitCode = Number(await finished);
  } catch (error) {
    say(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  if (!result) {
    say('[integration] the suite did not report a result (did not load or crashed)');
    say('integration: 0 passed, 1 failed');
    return 1;
  }
  say(`integration: ${result.passed} passed, ${result.failed} failed`);
  return result.failed === 0 && exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    say('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
