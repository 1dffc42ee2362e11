#!/usr/bin/env node
// @ts-check
/**
 * Serves the demo in the cached code-server (no desktop VS Code needed): installs the packaged .vsix into a
 * throwaway profile, opens the demo workspace, prints the local URL and runs until Ctrl+C.
 *
 * Usage: node scripts/vscode/demo-server.js --vsix keyguard-0.1.0.vsix --workspace DIR [--port N] [--check]
 *   --check starts, verifies the page answers and the extension is installed, then stops (for tests).
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const host = require('./host');

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { vsix: '', workspace: '', check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--vsix') options.vsix = path.resolve(argv[++i]);
    else if (arg === '--workspace') options.workspace = path.resolve(argv[++i]);
    else if (arg === '--check') options.check = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.vsix || !options.workspace) throw new Error('--vsix and --workspace are required');
  return options;
}

/** @param {string} url @returns {Promise<number>} */
function statusOf(url) {
  return new Promise((resolve) => {
    http
      .get(url, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on('error', () => resolve(0));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dirs = host.makeRunDirs('kg-demo-');
  host.installVsix(dirs, options.vsix);
  const installed = fs.readdirSync(dirs.extensionsDir).filter((name) => name.startsWith('keyguard.keyguard-'));
  if (installed.length !== 1) throw new Error(`the .vsix did not install (found: ${installed.join(', ') || 'nothing'})`);
  const server = await host.startCodeServer({ dirs });
  const url = `${server.origin}/?folder=${encodeURIComponent(options.workspace)}`;
  let stopping = false;
  const stop = () => {
    stopping = true;
    void server.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (options.check) {
    const status = await statusOf(url);
    console.log(`[demo] ${installed[0]} installed; ${url} answered ${status}`);
    await server.stop();
    process.exit(status === 200 ? 0 : 1);
  }
  console.log('');
  console.log('  Keyguard demo is running in VS Code (code-server) with the packaged extension installed.');
  console.log(`  Open this URL in your browser:  ${url}`);
  console.log('  (it listens on 127.0.0.1 only; for a remote machine forward the port, e.g. ssh -L)');
  console.log('  Press Ctrl+C to stop.');
  console.log('');
  await server.exited;
  if (stopping) return;
  console.error(`[demo] code-server stopped unexpectedly; its log: ${server.logFile}`);
  process.exit(1);
}

main().catch((error) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
