#!/usr/bin/env node
// @ts-check
/**
 * UI smoke test: installs the packaged keyguard-<version>.vsix into a throwaway code-server, opens the fixture
 * workspace in headless Chromium and checks what a user sees: squiggles under a planted fake key, a hover and a
 * Problems entry that show the masked value and never the clear one. Screenshots go to test-results/.
 *
 * Usage: node test/ui/smoke.js [--fixture workspace] [--file src/app.py] [--rule github-pat] [--seed S] [--keep]
 *                               [--update-screenshots]
 *   --fixture picks a folder under test/fixtures; --rule names the placeholder planted in --file.
 *   --update-screenshots also copies the hover and Problems shots to media/screenshots/ for the README, e.g.
 *   node test/ui/smoke.js --fixture demo --file python-app/billing.py --rule stripe-secret-key --seed demo --update-screenshots
 * Last line: `ui: N passed, N failed`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const host = require('../../scripts/vscode/host');
const { renderFixtureTree, loadRenderer } = require('../../scripts/vscode/fixture');

const REPO_ROOT = host.REPO_ROOT;
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'media', 'screenshots');
const OVERALL_TIMEOUT_MS = 5 * 60_000;

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = {
    fixture: 'workspace',
    file: 'src/app.py',
    rule: 'github-pat',
    seed: /** @type {string | undefined} */ (undefined),
    keep: false,
    updateScreenshots: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--fixture') options.fixture = argv[++i];
    else if (arg === '--file') options.file = argv[++i];
    else if (arg === '--seed') options.seed = argv[++i];
    else if (arg === '--rule') options.rule = argv[++i];
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--update-screenshots') options.updateScreenshots = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** @param {string} line */
function say(line) {
  process.stdout.write(`${line}\n`);
}

/** Collects named checks so one failure does not hide the others. */
class Checks {
  constructor() {
    /** @type {{ name: string, ok: boolean, detail: string }[]} */
    this.results = [];
  }
  /** @param {string} name @param {boolean} ok @param {string} [detail] */
  record(name, ok, detail = '') {
    this.results.push({ name, ok, detail });
    say(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` (${detail})` : ''}`);
  }
  get passed() {
    return this.results.filter((r) => r.ok).length;
  }
  get failed() {
    return this.results.filter((r) => !r.ok).length;
  }
}

/** The planted value's first four characters followed by an ellipsis: how a masked value starts. @param {string} value */
function maskedPrefix(value) {
  return `${value.slice(0, 4)}…`;
}

/**
 * @param {Checks} checks
 * @param {import('playwright-core').Page} page
 * @param {{ file: string, secret?: string }} target
 */
async function exercise(checks, page, target) {
  const { file, secret } = target;
  const shot = (/** @type {string} */ name) => page.screenshot({ path: path.join(RESULTS_DIR, name) });
  const leaks = (/** @type {string} */ text) => (secret ? text.includes(secret) : false);

  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await host.openFileByQuickOpen(page, file, (line) => say(`[ui] ${line}`));
  const editorText = (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  checks.record(`opens ${file}`, editorText.length > 0);
  // Without the planted key in the file, the "never shows the clear value" checks below would prove nothing.
  if (secret) checks.record('the planted fake key is in the file', leaks(editorText));

  const squiggle = page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first();
  const hasSquiggle = await squiggle
    .waitFor({ state: 'visible', timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  await shot('ui-1-squiggles.png');
  checks.record('a squiggle marks the planted key', hasSquiggle);

  if (hasSquiggle) {
    const box = await squiggle.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
    const hover = page.locator('.monaco-hover .hover-contents, .monaco-hover .markdown-hover').first();
    const hoverShown = await hover
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    await shot('ui-2-hover.png');
    const hoverText = hoverShown ? await page.locator('.monaco-hover').first().innerText() : '';
    checks.record('hovering the squiggle shows a hover', hoverShown && hoverText.trim().length > 0);
    checks.record('the hover never shows the clear value', hoverShown && !leaks(hoverText));
    if (secret) checks.record('the hover shows the masked value', hoverText.includes(maskedPrefix(secret)));
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  }

  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const rowShown = await rows
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  await page.waitForTimeout(500);
  await shot('ui-3-problems.png');
  const problemsText = rowShown ? await page.locator('.markers-panel').innerText() : '';
  const keyguardLines = problemsText.split('\n').filter((line) => /keyguard/i.test(line));
  checks.record('the Problems panel lists a Keyguard entry', keyguardLines.length > 0, `${keyguardLines.length} line(s)`);
  if (secret) {
    checks.record('the Problems panel shows the masked value', problemsText.includes(maskedPrefix(secret)));
  }
  checks.record('the Problems panel never shows the clear value', rowShown && !leaks(problemsText));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`);
  const checks = new Checks();
  if (!fs.existsSync(vsix)) {
    checks.record(`${path.basename(vsix)} exists (run "npm run package")`, false);
    return checks;
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const dirs = host.makeRunDirs('kg-ui-');
  const workspace = path.join(dirs.baseDir, 'workspace');
  renderFixtureTree(path.join(REPO_ROOT, 'test', 'fixtures', options.fixture), workspace, {
    seed: options.seed,
    log: (line) => say(`[ui] ${line}`),
  });
  const { render } = loadRenderer();
  // Same placeholder and seed as the fixture, so this is the value planted in the file.
  const secret = render ? render(`{{fake:${options.rule}}}`, options.seed) : undefined;

  /** @type {import('./../../scripts/vscode/host').RunningHost | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const cleanup = async () => {
    if (timer) clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    if (server) await server.stop();
    else if (!options.keep) fs.rmSync(dirs.baseDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanup().finally(() => process.exit(143)));
  try {
    host.installVsix(dirs, vsix);
    const installed = fs.readdirSync(dirs.extensionsDir).filter((name) => name.startsWith(`${manifest.publisher}.${manifest.name}`));
    checks.record(`installs ${path.basename(vsix)} into a fresh extensions dir`, installed.length === 1, installed.join(', '));
    server = await host.startCodeServer({ dirs, keep: options.keep });
    say(`[ui] code-server ${server.origin}, workspace ${workspace}`);
    browser = await host.launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${OVERALL_TIMEOUT_MS / 1000} s`)), OVERALL_TIMEOUT_MS);
    });
    await page.goto(host.workbenchUrl(server, { folder: workspace }));
    await Promise.race([exercise(checks, page, { file: options.file, secret }), timeout]);
    if (options.updateScreenshots) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      fs.copyFileSync(path.join(RESULTS_DIR, 'ui-2-hover.png'), path.join(SCREENSHOTS_DIR, 'hover.png'));
      fs.copyFileSync(path.join(RESULTS_DIR, 'ui-3-problems.png'), path.join(SCREENSHOTS_DIR, 'problems.png'));
      say(`[ui] copied screenshots to ${path.relative(REPO_ROOT, SCREENSHOTS_DIR)}/`);
    }
  } catch (error) {
    checks.record('the UI run completed', false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    await page?.screenshot({ path: path.join(RESULTS_DIR, 'ui-error.png') }).catch(() => undefined);
  } finally {
    await cleanup();
  }
  return checks;
}

main().then(
  (checks) => {
    say(`[ui] screenshots in ${path.relative(REPO_ROOT, RESULTS_DIR)}/`);
    say(`ui: ${checks.passed} passed, ${checks.failed} failed`);
    process.exit(checks.failed === 0 && checks.passed > 0 ? 0 : 1);
  },
  (error) => {
    say(`[ui] ${error instanceof Error ? error.message : String(error)}`);
    say('ui: 0 passed, 1 failed');
    process.exit(1);
  },
);
