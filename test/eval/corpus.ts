import * as fs from 'fs';
import * as path from 'path';
import { renderEvalFile, type RenderedFile } from './render';

/** Where the corpus templates live, from the compiled location (out/test/eval) or the sources. */
export function defaultCorpusDir(): string {
  const candidates = [path.resolve(__dirname, '../../../test/eval/corpus'), path.resolve(__dirname, 'corpus')];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found) throw new Error(`eval corpus not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Every file under `dir`, dotfiles included, as sorted `/`-separated relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Templates that could not be rendered (a placeholder naming a rule the generator does not know). */
export const renderErrors: string[] = [];

/**
 * Reads and renders every corpus template. A template that fails to render is left out and recorded in
 * `renderErrors` (the eval prints them), so one renamed rule id does not hide every other figure.
 */
export function loadCorpus(corpusDir = defaultCorpusDir(), seed?: string): RenderedFile[] {
  renderErrors.length = 0;
  const files: RenderedFile[] = [];
  for (const relPath of listFiles(corpusDir)) {
    try {
      files.push(renderEvalFile(fs.readFileSync(path.join(corpusDir, relPath), 'utf8'), relPath, seed));
    } catch (error) {
      renderErrors.push(`${relPath}: ${(error as Error).message}`);
    }
  }
  return files;
}

/** Writes the rendered corpus under `targetDir` (for the CLI and the bench), returning the directory. */
export function writeCorpus(files: RenderedFile[], targetDir: string): string {
  fs.rmSync(targetDir, { recursive: true, force: true });
  for (const file of files) {
    const full = path.join(targetDir, ...file.relPath.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.text);
  }
  return targetDir;
}
