// @ts-check
/**
 * Copies a fixture tree (test/fixtures/workspace, test/fixtures/demo) to a fresh folder, filling its
 * `{{fake:<rule-id>}}` placeholders with fake keys made now, so no live-format token is ever committed.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Loads renderTemplate from the compiled test support, or undefined (with the reason) when the fake-key
 * generator has not been built yet: the tree is then copied as is.
 * @returns {{ render?: (text: string, seed?: string) => string, reason?: string }}
 */
function loadRenderer() {
  const compiled = path.join(REPO_ROOT, 'out', 'test', 'support', 'template.js');
  try {
    return { render: require(compiled).renderTemplate };
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** A file with a NUL byte in its first 8 KB is copied untouched. @param {Buffer} bytes */
function looksBinary(bytes) {
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * Copies `sourceDir` into `targetDir` (created if needed), rendering text files.
 * @param {string} sourceDir
 * @param {string} targetDir
 * @param {{ seed?: string, log?: (line: string) => void }} [options]
 * @returns {{ files: number, rendered: number, placeholders: number }}
 */
function renderFixtureTree(sourceDir, targetDir, options = {}) {
  const log = options.log ?? (() => undefined);
  const { render, reason } = loadRenderer();
  if (!render) log(`fake-key generator unavailable (${reason}); copying fixtures without rendering`);
  const stats = { files: 0, rendered: 0, placeholders: 0 };
  fs.mkdirSync(targetDir, { recursive: true });
  if (!fs.existsSync(sourceDir)) {
    log(`no fixtures at ${path.relative(REPO_ROOT, sourceDir)}; using an empty folder`);
    return stats;
  }
  const walk = (/** @type {string} */ from, /** @type {string} */ to) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) {
        fs.mkdirSync(target, { recursive: true });
        walk(source, target);
        continue;
      }
      if (!entry.isFile()) continue;
      stats.files++;
      const bytes = fs.readFileSync(source);
      const text = looksBinary(bytes) ? undefined : bytes.toString('utf8');
      const count = text ? (text.match(/\{\{fake:/g) ?? []).length : 0;
      if (render && text !== undefined && count > 0) {
        fs.writeFileSync(target, render(text, options.seed));
        stats.rendered++;
        stats.placeholders += count;
      } else {
        fs.writeFileSync(target, bytes);
      }
    }
  };
  walk(sourceDir, targetDir);
  return stats;
}

module.exports = { renderFixtureTree, loadRenderer };
