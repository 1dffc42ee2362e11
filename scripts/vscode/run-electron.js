#!/usr/bin/env node
// @ts-check
/**
 * Runs the same integration suite (out/test/integration/index.js) in a desktop VS Code through
 * @vscode/test-electron, for machines that have one. Offline machines like ours have none: then it says so.
 *
 * Usage: VSCODE_EXECUTABLE_PATH=/path/to/vscode/code node scripts/vscode/run-electron.js [--grep PATTERN]
 *        KEYGUARD_ELECTRON_DOWNLOAD=1 node scripts/vscode/run-electron.js   (lets test-electron download VS Code)
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { renderFixtureTree } = require('./fixture');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** @param {string[]} argv */
function grepFrom(argv) {
  const at = argv.findIndex((arg) => arg === '--grep' || arg === '-g');
  if (at >= 0) return argv[at + 1] ?? '';
  const inline = argv.find((arg) => arg.startsWith('--grep='));
  return inline ? inline.slice('--grep='.length) : (process.env.KEYGUARD_TEST_GREP ?? '');
}

async function main() {
  const suiteIndex = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(suiteIndex) || !fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    console.error('[electron] build first: npx tsc -p . && node esbuild.js');
    return 1;
  }
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  const mayDownload = process.env.KEYGUARD_ELECTRON_DOWNLOAD === '1';
  if (executable && !fs.existsSync(executable)) {
    console.error(`[electron] VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
    return 1;
  }
  if (!executable && !mayDownload) {
    console.error(
      [
        '[electron] no desktop VS Code available offline.',
        '  Set VSCODE_EXECUTABLE_PATH to a desktop VS Code executable (e.g. /usr/share/code/code),',
        '  or KEYGUARD_ELECTRON_DOWNLOAD=1 to let @vscode/test-electron download one (needs internet).',
        '  On machines without either, `npm run test:integration` runs the same suite in code-server.',
      ].join('\n'),
    );
    return 1;
  }

  const { runTests } = require('@vscode/test-electron');
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-electron-'));
  const workspace = path.join(baseDir, 'workspace');
  renderFixtureTree(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, {
    log: (line) => console.log(`[electron] ${line}`),
  });
  try {
    return await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {}),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suiteIndex,
      extensionTestsEnv: {
        KEYGUARD_TEST_WORKSPACE: workspace,
        KEYGUARD_TEST_GREP: grepFrom(process.argv.slice(2)),
        KEYGUARD_TEST_USER_DATA_DIR: path.join(baseDir, 'user'),
        KEYGUARD_REPO_ROOT: REPO_ROOT,
      },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--user-data-dir',
        path.join(baseDir, 'user'),
      ],
    });
  } catch (error) {
    console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(baseDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
