#!/usr/bin/env node
// @ts-check
/**
 * UI screenshots of the key vault in a real VS Code (code-server + headless Chromium): everything is driven
 * through the command palette like a user would (Add Key, Set Key Expiry, Rotate Key), then the status bar
 * item is read back and photographed in its normal, warning (< 7 days), error (< 24 h) and expired states,
 * with its tooltip, and the API Keys view is opened. Values are random and typed into password boxes only.
 * Build first (`npx tsc -p . && node esbuild.js`). Screenshots go to test-results/vault-*.png.
 *
 * Usage: node test/ui/vault.js [--keep]
 * Last line: `ui-vault: N passed, N failed`.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const host = require('../../scripts/vscode/host');

const RESULTS_DIR = path.join(host.REPO_ROOT, 'test-results');
const OVERALL_TIMEOUT_MS = 5 * 60_000;
const HOUR = 3_600_000;

/** @param {string} line */
function say(line) {
  process.stdout.write(`${line}\n`);
}

/** A random value in no provider's format. @param {string} prefix */
function randomValue(prefix) {
  return `${prefix}_${crypto.randomBytes(24).toString('base64url')}`;
}

const results = { passed: 0, failed: 0 };
/** @param {string} name @param {boolean} ok @param {string} [detail] */
function check(name, ok, detail = '') {
  results[ok ? 'passed' : 'failed']++;
  say(`  ${ok ? '✔' : '✘'} ${name}${detail ? ` (${detail})` : ''}`);
}

/** @param {import('playwright-core').Page} page */
function quickInput(page) {
  return page.locator('.quick-input-widget input');
}

/**
 * Runs a palette command by its title.
 * @param {import('playwright-core').Page} page @param {string} title
 */
async function palette(page, title) {
  // The extension host starts a few seconds after the workbench: retry until the command is listed.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    await quickInput(page).waitFor({ state: 'visible', timeout: 15_000 });
    await quickInput(page).fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const found = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (found) {
      await row.click();
      return;
    }
    if (attempt >= 12) throw new Error(`"${title}" is not in the command palette`);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
}

/**
 * Answers the open input box or quick pick once its title contains `title`.
 * @param {import('playwright-core').Page} page @param {string} title @param {string} answer
 */
async function answer(page, title, answer) {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 15_000 });
  await quickInput(page).fill(answer);
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

/** @param {import('playwright-core').Page} page @param {string} name @param {string} expiry @param {string} tier */
async function addKey(page, name, expiry, tier) {
  await palette(page, 'Keyguard: Add Key');
  await answer(page, 'Add Key (1/4)', name);
  await answer(page, 'Add Key (2/4)', randomValue('kgui'));
  await answer(page, 'Add Key (3/4)', expiry);
  await answer(page, 'Add Key (4/4)', tier);
}

/** @param {import('playwright-core').Page} page @param {string} name @param {string} expiry */
async function setExpiry(page, name, expiry) {
  await palette(page, 'Keyguard: Set Key Expiry');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await answer(page, `Expiry of ${name}`, expiry);
}

/** @param {import('playwright-core').Page} page */
function expiryItem(page) {
  // The item is the one whose icon is `$(key)`; its DOM id is an implementation detail of the workbench.
  return page.locator('.part.statusbar .statusbar-item:has(.codicon-key)').first();
}

/**
 * Waits for the status bar item to show `text`, photographs it, and checks its background.
 * @param {import('playwright-core').Page} page @param {string} state @param {RegExp} text @param {string | undefined} background
 */
async function shootStatusBar(page, state, text, background) {
  const item = expiryItem(page);
  let shown = '';
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    shown = (await item.innerText().catch(() => '')).trim();
    if (text.test(shown)) break;
    await page.waitForTimeout(200);
  }
  check(`status bar shows the ${state} state`, text.test(shown), JSON.stringify(shown));
  const id = await item.getAttribute('id');
  check(`the ${state} item is Keyguard's expiry item`, /keyguard\.expiry/.test(id ?? ''), String(id));
  const color = await item.evaluate((el) => getComputedStyle(el).backgroundColor);
  const bar = await page.locator('.part.statusbar').evaluate((el) => getComputedStyle(el).backgroundColor);
  if (background) check(`the ${state} background is not the plain status bar colour`, color !== bar && color !== 'rgba(0, 0, 0, 0)', color);
  else check(`the ${state} state has no own background`, color === 'rgba(0, 0, 0, 0)' || color === bar, color);
  const box = await item.boundingBox();
  await page.locator('.part.statusbar').screenshot({ path: path.join(RESULTS_DIR, `vault-statusbar-${state}.png`) });
  if (box) {
    await page.screenshot({
      path: path.join(RESULTS_DIR, `vault-statusbar-${state}-zoom.png`),
      clip: { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 30), width: Math.min(420, box.width + 200), height: box.height + 34 },
    });
  }
}

/** @param {import('playwright-core').Page} page */
async function exercise(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(2000);
  check('the expiry item is hidden while the vault is empty', !(await expiryItem(page).isVisible().catch(() => false)));

  await addKey(page, 'OPENAI_API_KEY', 'in 30 days', 'developer');
  await shootStatusBar(page, 'normal', /OPENAI_API_KEY (29d 23h|30d 0h)$/, undefined);
  await setExpiry(page, 'OPENAI_API_KEY', '167.5h');
  await shootStatusBar(page, 'warning', /OPENAI_API_KEY 6d 23h$/, 'statusBarItem.warningBackground');
  await setExpiry(page, 'OPENAI_API_KEY', '23.5h');
  await shootStatusBar(page, 'error', /OPENAI_API_KEY 23h 2\dm$/, 'statusBarItem.errorBackground');
  const past = new Date(Date.now() - 2 * HOUR - 5 * 60_000).toISOString().slice(0, 16) + 'Z';
  await setExpiry(page, 'OPENAI_API_KEY', past);
  await shootStatusBar(page, 'expired', /OPENAI_API_KEY expired 2h ago$/, 'statusBarItem.errorBackground');

  await addKey(page, 'STRIPE_SECRET_KEY', 'in 3 days', 'admin');
  await addKey(page, 'GITHUB_TOKEN', 'never', 'read-only');
  await palette(page, 'Keyguard: Rotate Key');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'STRIPE_SECRET_KEY' }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await answer(page, 'Rotate STRIPE_SECRET_KEY', randomValue('kgui'));
  await page.waitForTimeout(1000);

  await expiryItem(page).hover();
  const hover = page.locator('.monaco-hover').first();
  const hoverShown = await hover.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
  const hoverText = hoverShown ? await hover.innerText() : '';
  check('the tooltip lists every key', ['OPENAI_API_KEY', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN'].every((n) => hoverText.includes(n)), hoverText.replace(/\s+/g, ' ').slice(0, 160));
  await page.screenshot({ path: path.join(RESULTS_DIR, 'vault-statusbar-tooltip.png') });
  await page.mouse.move(600, 300);

  await palette(page, 'Keyguard: Focus on API Keys View');
  const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'API Keys' }) }).locator('.monaco-list-row');
  await tree.first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(800);
  const rows = await tree.allInnerTexts();
  check('the API Keys view lists the keys and the grace value', rows.length >= 4 && rows.some((r) => r.includes('previous value')), rows.map((r) => r.replace(/\s+/g, ' ')).join(' | '));
  check('the API Keys view leads with the countdown', rows.some((r) => /OPENAI_API_KEY\s*expired 2h ago/.test(r)));
  // Widen the side bar so the whole description fits in the screenshot.
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  if (sideBar) {
    const edge = sideBar.x + sideBar.width + 1;
    await page.mouse.move(edge, sideBar.y + 300);
    await page.mouse.down();
    await page.mouse.move(edge + 20, sideBar.y + 300, { steps: 2 });
    await page.mouse.move(760, sideBar.y + 300, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
  }
  await tree.nth(2).hover();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(RESULTS_DIR, 'vault-api-keys-view.png') });

  await page.mouse.move(1000, 600);
  await tree.nth(2).click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu').first();
  const menuShown = await menu.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
  const menuText = menuShown ? await menu.innerText() : '';
  const wanted = ['Rotate Key', 'Renew Key', 'Set Key Expiry', 'Revoke Key', 'Copy Key Value to Clipboard', 'Copy Environment Variable Reference', 'Toggle Terminal Injection'];
  check('a key row offers the vault actions', wanted.every((w) => menuText.includes(w)), wanted.filter((w) => !menuText.includes(w)).join(', ') || 'all present');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(RESULTS_DIR, 'vault-api-keys-menu.png') });
  await page.keyboard.press('Escape');
}

async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const keep = process.argv.includes('--keep');
  const dirs = host.makeRunDirs('kg-ui-vault-');
  const workspace = path.join(dirs.baseDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# vault demo\n');
  /** @type {import('../../scripts/vscode/host').RunningHost | undefined} */
  let server;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  try {
    server = await host.startCodeServer({ dirs, keep });
    browser = await host.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const timeout = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), OVERALL_TIMEOUT_MS);
    });
    await page.goto(host.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: host.REPO_ROOT }));
    await Promise.race([exercise(page), timeout]).catch(async (error) => {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'vault-failure.png') }).catch(() => undefined);
      throw error;
    });
  } catch (error) {
    check('the UI run completed', false, error instanceof Error ? error.message.split('\n')[0] : String(error));
  } finally {
    if (timer) clearTimeout(timer);
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

main().then(() => {
  say(`[ui-vault] screenshots in ${path.relative(host.REPO_ROOT, RESULTS_DIR)}/vault-*.png`);
  say(`ui-vault: ${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 && results.passed > 0 ? 0 : 1);
});
