import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { loadCorpus } from '../test/eval/corpus';

/** A file to scan: a display path and its text. */
export interface BenchFile {
  path: string;
  text: string;
}

/** Repository root, from out/bench or from bench/. */
export const repoRoot = path.resolve(__dirname, fs.existsSync(path.resolve(__dirname, '../../package.json')) ? '../..' : '..');

/**
 * The fixed real-source tree: installed packages' own sources, chosen by directory and extension so the
 * set is the same on every machine with the same lockfile. Roughly 7 MB of TypeScript declarations and
 * JavaScript. Minified bundles are left out, as both scanners' default ignores would skip them.
 */
export const REAL_SOURCE_ROOTS: Array<{ dir: string; extensions: string[] }> = [
  { dir: 'node_modules/typescript/lib', extensions: ['.d.ts'] },
  { dir: 'node_modules/@types/node', extensions: ['.d.ts'] },
  { dir: 'node_modules/ajv/dist', extensions: ['.js'] },
  { dir: 'node_modules/mocha/lib', extensions: ['.js'] },
  { dir: 'node_modules/js-yaml', extensions: ['.js'] },
  { dir: 'node_modules/esbuild/lib', extensions: ['.js'] },
  { dir: 'node_modules/@secretlint/secretlint-rule-preset-recommend/module', extensions: ['.js'] },
  { dir: 'node_modules/commander', extensions: ['.js', '.md'] },
  { dir: 'node_modules/fast-glob/out', extensions: ['.js'] },
];

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, out);
    } else if (entry.isFile()) out.push(full);
  }
}

/** Loads the real-source tree; `missing` lists roots not installed (the bench still runs on the rest). */
export function realSourceTree(): { files: BenchFile[]; missing: string[]; digest: string } {
  const files: BenchFile[] = [];
  const missing: string[] = [];
  for (const root of REAL_SOURCE_ROOTS) {
    const dir = path.join(repoRoot, root.dir);
    if (!fs.existsSync(dir)) {
      missing.push(root.dir);
      continue;
    }
    const found: string[] = [];
    walk(dir, found);
    for (const full of found) {
      if (!root.extensions.some((ext) => full.endsWith(ext)) || full.endsWith('.min.js')) continue;
      files.push({ path: path.relative(repoRoot, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  }
  // Paths and sizes identify the tree, so two runs can be compared.
  const digest = createHash('sha256').update(files.map((f) => `${f.path}:${f.text.length}`).join('\n')).digest('hex').slice(0, 12);
  return { files, missing, digest };
}

/**
 * A synthetic multi-language tree: the rendered eval corpus repeated `copies` times under distinct
 * directories, so config formats (YAML, .env, .properties, TOML, XML...) are part of the throughput.
 */
export function syntheticTree(copies: number): BenchFile[] {
  const corpus = loadCorpus();
  const files: BenchFile[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const file of corpus) files.push({ path: `copy${copy}/${file.relPath}`, text: file.text });
  }
  return files;
}

/**
 * A 10,000-line mixed file for the per-keystroke rescan figure: innocent corpus lines (code and config
 * of every language) with `secretLines` corpus lines that do hold secrets spread evenly through it.
 */
export function mixedFile(lineCount = 10_000, secretLines = 8): string {
  const corpus = loadCorpus();
  const innocent: string[] = [];
  const secret: string[] = [];
  for (const file of corpus) {
    const expectedLines = new Set(file.expected.map((e) => e.line));
    file.text.split('\n').forEach((line, index) => {
      if (expectedLines.has(index + 1)) {
        if (!line.includes('-----BEGIN')) secret.push(line);
      } else innocent.push(line);
    });
  }
  const positions = new Set(
    Array.from({ length: secretLines }, (_, k) => Math.floor(((k + 1) * lineCount) / (secretLines + 1))),
  );
  const lines: string[] = [];
  let nextSecret = 0;
  let nextInnocent = 0;
  while (lines.length < lineCount) {
    if (positions.has(lines.length) && secret.length > 0) lines.push(secret[(nextSecret++ * 7) % secret.length]);
    else lines.push(innocent[nextInnocent++ % innocent.length]);
  }
  return lines.join('\n');
}

/** Total UTF-8 bytes of a set of files. */
export function totalBytes(files: BenchFile[]): number {
  return files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0);
}
