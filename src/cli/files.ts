/**
 * Finds what `keyguard scan` reads: files under the given paths (honouring ignore files) or the
 * blobs staged in git. Everything here touches the disk or runs git; the decisions themselves live in
 * the engine's PathFilter.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PathFilter, toPosixRelative } from '../engine/pathFilter';
import { CliError, describeFsError } from './errors';

/** One file to scan. */
export interface SourceFile {
  /** Path relative to the report base, forward slashes. */
  path: string;
  /** Size in bytes, when known before reading. */
  size: number;
  /** Reads the bytes; may throw (the scan records a skip). */
  read(): Uint8Array;
}

/** A file left out, with the reason in words. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** Files to scan plus the ones left out while collecting. */
export interface Collection {
  /** Absolute directory that report paths are relative to; the allowlist is read from here. */
  base: string;
  files: SourceFile[];
  skipped: SkippedFile[];
}

/** Options that shape collection. */
export interface CollectOptions {
  /** Skip `.gitignore` files (`.keyguardignore` still applies). */
  noGitignore: boolean;
  maxFileSize: number;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The directory report paths are relative to (and where `.keyguard/allowlist.json` is read): a single
 * directory argument is the project root; otherwise the cwd when every path is inside it, else the
 * paths' common ancestor.
 */
export function reportBase(cwd: string, absolutePaths: readonly string[], isDirectory: (p: string) => boolean): string {
  if (absolutePaths.length === 1 && isDirectory(absolutePaths[0])) return absolutePaths[0];
  if (absolutePaths.every((p) => isInside(cwd, p))) return cwd;
  const dirs = absolutePaths.map((p) => (isDirectory(p) ? p : path.dirname(p)));
  let common = dirs[0];
  while (!dirs.every((dir) => isInside(common, dir))) common = path.dirname(common);
  return common;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function fileSource(absolute: string, relative: string, size: number): SourceFile {
  return { path: relative, size, read: () => fs.readFileSync(absolute) };
}

/**
 * A filter rooted at `base` with the default ignores and the `.keyguardignore` files of every directory
 * from `base` down to each path's directory (read from the working tree). Used for explicitly named files
 * and staged blobs, which `.gitignore` does not apply to (git only ignores untracked files).
 */
function keyguardIgnoreFilter(base: string, relativePaths: readonly string[], maxFileSize: number): PathFilter {
  const filter = new PathFilter({ maxFileSize });
  const seen = new Set<string>();
  for (const relative of relativePaths) {
    const segments = relative.split('/').slice(0, -1);
    for (let depth = 0; depth <= segments.length; depth++) {
      const dir = segments.slice(0, depth).join('/');
      if (seen.has(dir)) continue;
      seen.add(dir);
      const text = readText(path.join(base, dir, '.keyguardignore'));
      if (text !== undefined) filter.addIgnoreFile(dir, text);
    }
  }
  return filter;
}

/**
 * Collects files under `paths` (resolved against `cwd`). Directories are walked with the default ignores
 * and the `.gitignore` / `.keyguardignore` files found inside them (nested files apply to their subtree);
 * explicitly named files are scanned unless the defaults or a `.keyguardignore` exclude them.
 * Symbolic links are not followed.
 * @throws CliError when a named path does not exist or cannot be read.
 */
export function collectFromPaths(paths: readonly string[], cwd: string, options: CollectOptions): Collection {
  const targets = paths.map((given) => {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new CliError(describeFsError(error, given));
    }
    return { given, absolute, stat };
  });
  const base = reportBase(
    cwd,
    targets.map((t) => t.absolute),
    (p) => targets.find((t) => t.absolute === p)?.stat.isDirectory() ?? false,
  );
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, size: number): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(fileSource(absolute, toPosixRelative(path.relative(base, absolute)) || path.basename(absolute), size));
  };

  const namedFiles = targets.filter((t) => !t.stat.isDirectory());
  const namedFilter = keyguardIgnoreFilter(
    base,
    namedFiles.map((t) => toPosixRelative(path.relative(base, t.absolute))),
    options.maxFileSize,
  );
  for (const target of targets) {
    if (target.stat.isDirectory()) {
      walkDirectory(target.absolute, base, options, add, skipped);
    } else if (target.stat.isFile()) {
      const relative = toPosixRelative(path.relative(base, target.absolute));
      if (namedFilter.isIgnored(relative)) skipped.push({ path: relative, reason: 'excluded by default ignores or .keyguardignore' });
      else add(target.absolute, target.stat.size);
    } else {
      throw new CliError(`not a regular file or directory: ${target.given}`);
    }
  }
  return { base, files, skipped };
}

function walkDirectory(
  root: string,
  base: string,
  options: CollectOptions,
  add: (absolute: string, size: number) => void,
  skipped: SkippedFile[],
): void {
  const filter = new PathFilter({ maxFileSize: options.maxFileSize });
  const ignoreFiles = options.noGitignore ? ['.keyguardignore'] : ['.gitignore', '.keyguardignore'];
  const reportPath = (absolute: string): string => toPosixRelative(path.relative(base, absolute));
  // An explicit stack keeps deep trees from overflowing the call stack.
  const pending: string[] = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    const relativeDir = toPosixRelative(path.relative(root, dir));
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: reportPath(dir) || '.', reason: describeFsError(error, 'directory') });
      continue;
    }
    for (const name of ignoreFiles) {
      if (!entries.some((entry) => entry.name === name && entry.isFile())) continue;
      const text = readText(path.join(dir, name));
      if (text === undefined) skipped.push({ path: reportPath(path.join(dir, name)), reason: 'ignore file unreadable' });
      else filter.addIgnoreFile(relativeDir, text);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!filter.isIgnored(relative, true)) subdirectories.push(absolute);
      } else if (entry.isFile()) {
        if (filter.isIgnored(relative)) continue;
        let size = 0;
        try {
          size = fs.statSync(absolute).size;
        } catch (error) {
          skipped.push({ path: reportPath(absolute), reason: describeFsError(error, 'file') });
          continue;
        }
        add(absolute, size);
      } else if (entry.isSymbolicLink() && !filter.isIgnored(relative)) {
        skipped.push({ path: reportPath(absolute), reason: 'symbolic link (not followed)' });
      }
    }
    // Reverse so the stack pops directories in name order, keeping output deterministic.
    pending.push(...subdirectories.reverse());
  }
}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) throw new CliError(`cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    const message = result.stderr.toString('utf8').trim().split('\n')[0] || `git ${args[0]} failed`;
    throw new CliError(message.replace(/^fatal: /, ''));
  }
  return result.stdout;
}

/**
 * Collects the content staged in git (`git diff --cached --diff-filter=ACMR`): what the commit will
 * contain, not the working tree, so line numbers are those of the staged text. Paths are relative to
 * the repository top level, which is also the report base.
 * @throws CliError outside a git repository.
 */
export function collectStaged(cwd: string, options: CollectOptions): Collection {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const names = git(top, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  if (names.length === 0) return { base: top, files, skipped };

  const wanted = new Set(names);
  const blobs = new Map<string, string>();
  for (const record of git(top, ['ls-files', '--stage', '-z']).toString('utf8').split('\0')) {
    // "<mode> <oid> <stage>\t<path>"
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, oid] = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (!wanted.has(file)) continue;
    if (mode === '160000') skipped.push({ path: file, reason: 'submodule' });
    else if (mode === '120000') skipped.push({ path: file, reason: 'symbolic link (not followed)' });
    else blobs.set(file, oid);
  }

  const filter = keyguardIgnoreFilter(top, [...blobs.keys()], options.maxFileSize);
  const included = [...blobs.entries()].filter(([file]) => !filter.isIgnored(file));
  const sizes = git(top, ['cat-file', '--batch-check'], Buffer.from(included.map(([, oid]) => `${oid}\n`).join('')))
    .toString('utf8')
    .split('\n');
  const contents = readBlobs(
    top,
    included.filter((_entry, index) => Number(sizes[index]?.split(' ')[2]) <= options.maxFileSize).map(([, oid]) => oid),
  );
  included.forEach(([file, oid], index) => {
    const size = Number(sizes[index]?.split(' ')[2] ?? 0);
    const bytes = contents.get(oid);
    files.push({
      path: file,
      size,
      read: () => {
        if (!bytes) throw new Error('blob not read (too large)');
        return bytes;
      },
    });
  });
  return { base: top, files, skipped };
}

/** Reads blobs with one `git cat-file --batch`: "<oid> blob <size>\n<bytes>\n" per object. */
function readBlobs(top: string, oids: readonly string[]): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  if (oids.length === 0) return blobs;
  const output = git(top, ['cat-file', '--batch'], Buffer.from(oids.map((oid) => `${oid}\n`).join('')));
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const [oid, type, sizeText] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type === 'missing' || sizeText === undefined) {
      offset = newline + 1;
      continue;
    }
    const size = Number(sizeText);
    blobs.set(oid, output.subarray(newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return blobs;
}

/** Path of the pre-commit hook, honouring `core.hooksPath` (via `git rev-parse --git-path hooks`). */
export function preCommitHookPath(cwd: string): string {
  const hooks = git(cwd, ['rev-parse', '--git-path', 'hooks']).toString('utf8').trim();
  return path.resolve(cwd, hooks, 'pre-commit');
}
