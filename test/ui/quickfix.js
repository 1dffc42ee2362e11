#!/usr/bin/env node
// @ts-check
/**
 * UI check of the quick fixes with real key presses: opens quickfix/python/billing.py from the fixture workspace
 * in code-server (Keyguard loaded from this checkout as an extension under development: dist/ must be built),
 * puts the cursor on the planted key, presses Ctrl+. (lightbulb menu), Enter (preferred fix), Ctrl+Z (one Undo),
 * then the "Move to environment variable…" prompt. Screenshots go to test-results/quickfix-*.png.
 *
 * Usage: node test/ui/quickfix.js [--keep]     Last line: `ui-quickfix: N passed, N failed`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const host = require('../../scripts/vscode/host');
const { renderFixtureTree, loadRenderer } = require('../../scripts/vscode/fixture');

const REPO_ROOT = host.REPO_ROOT;
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const FILE = 'quickfix/python/billing.py';
const OVERALL_TIMEOUT_MS = 5 * 60_000;

/** @param {string} line */
function say(line) {
  process.stdout.write(`${line}\n`);
}

const results = { passed: 0, failed: 0 };
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function check(name, ok, detail = '') {
  results[ok ? 'passed' : 'failed']++;
  say(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` (${detail})` : ''}`);
}

/** Masks every occurrence of the fake key in text read back from the page (for messages only). @param {string} text @param {string} secret */
function masked(text, secret) {
  return text.split(secret).join(`${secret.slice(0, 4)}…`);
}

/** @param {import('playwright-core').Page} page */
async function editorText(page) {
  return (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** @param {import('playwright-core').Page} page @param {(text: string) => boolean} accept */
async function waitForEditorText(page, accept, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await editorText(page);
    if (accept(text)) return true;
    if (Date.now() > deadline) return false;
    await page.waitForTimeout(200);
  }
}

/** Clicks into the middle of the first squiggle so the cursor sits on the finding. @param {import('playwright-core').Page} page */
async function cursorOnSquiggle(page) {
  const squiggle = page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first();
  await squiggle.waitFor({ state: 'visible', timeout: 30_000 });
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('squiggle has no box');
  await page.mouse.click(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 6);
  await page.mouse.move(5, 5);
}

/** Opens the Ctrl+. menu and returns its item labels. @param {import('playwright-core').Page} page */
async function openQuickFixMenu(page) {
  const rows = page.locator('.action-widget .monaco-list-row');
  // On a loaded machine the first Ctrl+. can come before the actions are computed: press again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await rows.filter({ hasText: 'Move to' }).first().waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
    if (shown) break;
    if (attempt === 3) throw new Error('the quick fix menu did not open');
  }
  await page.waitForTimeout(400);
  // Group headers ("Quick Fix") are rows too; keep the actions.
  return (await rows.allInnerTexts()).map((t) => t.trim()).filter((t) => t && t !== 'Quick Fix' && !/^(More Actions|Refactor)/.test(t));
}

/** @param {import('playwright-core').Page} page @param {string} workspace @param {string} secret */
async function exercise(page, workspace, secret) {
  const shot = (/** @type {string} */ name) => page.screenshot({ path: path.join(RESULTS_DIR, name) });
  const dir = path.join(workspace, 'quickfix', 'python');
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await host.openFileByQuickOpen(page, FILE);
  const original = await editorText(page);
  check('the planted fake key is in billing.py', original.includes(secret));

  await cursorOnSquiggle(page);
  const items = await openQuickFixMenu(page);
  await shot('quickfix-1-lightbulb-menu.png');
  check('Ctrl+. lists "Move to environment variable STRIPE_KEY" first', items[0] === 'Move to environment variable STRIPE_KEY', items.join(' | '));
  check('the menu offers the prompt, SecretStorage and Ignore', ['Move to environment variable…', 'Move to SecretStorage as STRIPE_KEY', 'Ignore (keyguard:ignore openai-api-key)'].every((t) => items.includes(t)));
  check('the menu never shows the clear value', !items.join('\n').includes(secret));

  await page.keyboard.press('Enter');
  const fixed = await waitForEditorText(page, (text) => text.includes('stripe_key = os.environ["STRIPE_KEY"]'));
  check('Enter applies the preferred fix in the editor', fixed);
  const squigglesGone = await page.locator('.editor-instance .squiggly-error').first().waitFor({ state: 'hidden', timeout: 15_000 }).then(() => true, () => false);
  check('the squiggle disappears', squigglesGone);
  await page.waitForTimeout(800);
  await shot('quickfix-2-after-fix.png');
  const dotenv = path.join(dir, '.env');
  check('.env was written with the value', fs.existsSync(dotenv) && fs.readFileSync(dotenv, 'utf8') === `STRIPE_KEY=${secret}\n`);
  check('.gitignore lists .env', fs.existsSync(path.join(dir, '.gitignore')) && fs.readFileSync(path.join(dir, '.gitignore'), 'utf8') === '.env\n');
  check('.env.example got STRIPE_KEY=', fs.readFileSync(path.join(dir, '.env.example'), 'utf8') === 'OTHER_SETTING=\nSTRIPE_KEY=\n');

  await page.keyboard.press('Control+Z');
  // innerText of the view may differ in blank lines; the literal back and the env read gone is what matters.
  const isOriginal = (/** @type {string} */ text) => text.includes(`stripe_key = "${secret}"`) && !text.includes('os.environ');
  const undone = await waitForEditorText(page, isOriginal);
  check('one Ctrl+Z restores billing.py', undone, undone ? '' : masked(await editorText(page), secret).slice(0, 200));
  await page.waitForTimeout(2500);
  const leftover = [dotenv, path.join(dir, '.gitignore')].filter((f) => fs.existsSync(f)).map((f) => `${path.basename(f)}: ${fs.readFileSync(f, 'utf8').length} chars`);
  // Undo empties the side files the fix created (they were created empty before the edit); Keyguard then deletes them.
  check('the same Ctrl+Z removes the .env and .gitignore the fix created', [dotenv, path.join(dir, '.gitignore')].every((f) => !fs.existsSync(f)), leftover.join(', '));
  check('the same Ctrl+Z restores .env.example', fs.readFileSync(path.join(dir, '.env.example'), 'utf8') === 'OTHER_SETTING=\n');
  await shot('quickfix-3-after-undo.png');

  await cursorOnSquiggle(page);
  const again = await openQuickFixMenu(page);
  const promptIndex = again.indexOf('Move to environment variable…');
  for (let i = 0; i < promptIndex; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  check('the prompt proposes STRIPE_KEY', (await input.inputValue()) === 'STRIPE_KEY');
  await input.fill('billing key');
  await page.waitForTimeout(500);
  await shot('quickfix-4-name-prompt-invalid.png');
  const message = await page.locator('.quick-input-widget').innerText();
  check('an invalid name is refused with the rule', message.includes('[A-Z_][A-Z0-9_]*'));
  await input.fill('BILLING_KEY');
  await page.keyboard.press('Enter');
  check('the chosen name is used', await waitForEditorText(page, (text) => text.includes('os.environ["BILLING_KEY"]')));
  await page.waitForTimeout(1500);
  check('.env holds BILLING_KEY', fs.existsSync(dotenv) && fs.readFileSync(dotenv, 'utf8') === `BILLING_KEY=${secret}\n`);
  await page.locator('.editor-instance .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  const undoneAgain = await waitForEditorText(page, isOriginal);
  check('one Ctrl+Z undoes the prompted move too', undoneAgain);
  await page.waitForTimeout(2500);
  check('... and removes the .env it created', !fs.existsSync(dotenv));
  await shot('quickfix-5-after-second-undo.png');
}

async function main() {
  const options = { keep: process.argv.includes('--keep') };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const dirs = host.makeRunDirs('kg-ui-quickfix-');
  const workspace = path.join(dirs.baseDir, 'workspace');
  renderFixtureTree(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { log: (line) => say(`[ui] ${line}`) });
  const { render } = loadRenderer();
  if (!render) throw new Error('the fake-key generator is not built (npx tsc -p .)');
  const secret = render('{{fake:openai-api-key}}');
  /** @type {import('./../../scripts/vscode/host').RunningHost | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  try {
    server = await host.startCodeServer({ dirs, keep: options.keep });
    browser = await host.launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: REPO_ROOT }));
    let timer;
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), OVERALL_TIMEOUT_MS);
    });
    await Promise.race([exercise(page, workspace, secret), timeout]);
    clearTimeout(timer);
  } catch (error) {
    check('the UI run completed', false, error instanceof Error ? masked(error.message.split('\n')[0], secret) : String(error));
    await page?.screenshot({ path: path.join(RESULTS_DIR, 'quickfix-error.png') }).catch(() => undefined);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

main().then(
  () => {
    say(`ui-quickfix: ${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
  },
  (error) => {
    say(`[ui] ${error instanceof Error ? error.message : String(error)}`);
    say('ui-quickfix: 0 passed, 1 failed');
    process.exit(1);
  },
);
