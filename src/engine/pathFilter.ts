/**
 * Which files a scan looks at: default ignores, `.gitignore` / `.keyguardignore` files (gitignore
 * syntax, nested files apply to their own directory), binary detection and a size limit.
 * Pure: the caller reads the ignore files and the bytes and hands them in, so the CLI and the
 * extension's workspace scan share the same rules.
 */
import ignore, { type Ignore } from 'ignore';

/** Names of the ignore files a scan honours, in the order they are applied within one directory. */
export const IGNORE_FILE_NAMES = ['.gitignore', '.keyguardignore'] as const;

/** Default maximum size of a scanned file: 1 MiB. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** `*.ext` patterns for a space-separated extension list (gitignore has no braces). */
function byExtension(extensions: string): string[] {
  return extensions.split(' ').map((extension) => `*.${extension}`);
}

/**
 * Paths skipped unless configured otherwise (gitignore syntax): VCS and dependency folders,
 * minified bundles and source maps, lockfiles (full of integrity hashes), and binary media.
 */
export const DEFAULT_IGNORE_PATTERNS: readonly string[] = [
  '.git',
  '.hg/',
  '.svn/',
  'node_modules/',
  '.keyguard/',
  '*.min.js',
  '*.min.mjs',
  '*.min.css',
  '*.map',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'go.sum',
  'Cargo.lock',
  'poetry.lock',
  'Pipfile.lock',
  'Gemfile.lock',
  'composer.lock',
  'packages.lock.json',
  // Images, fonts, archives, media and compiled artefacts.
  ...byExtension('png jpg jpeg gif bmp ico icns webp tif tiff psd svgz avif heic'),
  ...byExtension('woff woff2 ttf otf eot'),
  ...byExtension('zip tar gz tgz bz2 xz 7z rar zst jar war ear nupkg whl vsix'),
  ...byExtension('mp3 mp4 m4a wav ogg flac mov avi mkv webm'),
  ...byExtension('pdf exe dll so dylib a o obj class pyc pyo wasm bin db sqlite sqlite3'),
];

/** Options for a PathFilter. */
export interface PathFilterOptions {
  /** Replace the default ignore patterns (gitignore syntax); `[]` scans everything. */
  defaultIgnores?: readonly string[];
  /** Extra patterns applied at the root, after the defaults (e.g. a `keyguard.exclude` setting). */
  extraIgnores?: readonly string[];
  /** Files larger than this many bytes are skipped. Default DEFAULT_MAX_FILE_SIZE. */
  maxFileSize?: number;
}

/** The patterns of one ignore file, relative to the directory holding it. */
interface IgnoreLayer {
  /** Directory relative to the filter root, forward slashes, '' for the root itself. */
  dir: string;
  matcher: Ignore;
}

/** Normalises to forward slashes without leading `./` or `/` and without a trailing slash. */
export function toPosixRelative(relativePath: string): string {
  return relativePath
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
}

/**
 * Decides which paths under one root are skipped. Build it with the defaults, then add each ignore
 * file as the walk meets it (`addIgnoreFile(dir, text)`); `isIgnored` applies the layers from the root
 * down, so a deeper file's `!pattern` can re-include what a shallower one excluded (as in git).
 */
export class PathFilter {
  /** Files larger than this many bytes are skipped. */
  readonly maxFileSize: number;
  private readonly layers: IgnoreLayer[] = [];

  constructor(options: PathFilterOptions = {}) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const patterns = [...(options.defaultIgnores ?? DEFAULT_IGNORE_PATTERNS), ...(options.extraIgnores ?? [])];
    if (patterns.length > 0) this.layers.push({ dir: '', matcher: ignore().add(patterns) });
  }

  /**
   * Adds the patterns of an ignore file found in `dir` (relative to the filter root; '' for the root).
   * Files in the same directory are applied in the order they are added.
   */
  addIgnoreFile(dir: string, text: string): void {
    const layer: IgnoreLayer = { dir: toPosixRelative(dir), matcher: ignore().add(text) };
    // Keep layers ordered by depth so that deeper files are consulted last and win.
    const depth = depthOf(layer.dir);
    let index = this.layers.length;
    while (index > 0 && depthOf(this.layers[index - 1].dir) > depth) index--;
    this.layers.splice(index, 0, layer);
  }

  /**
   * True when `relativePath` (relative to the filter root) is ignored. Parent directories count: a file
   * under an ignored directory is ignored. Pass `isDirectory` for directories so `dir/` patterns match.
   */
  isIgnored(relativePath: string, isDirectory = false): boolean {
    const path = toPosixRelative(relativePath);
    // Paths outside the root (or empty) are not this filter's to judge; `ignore` would throw on them.
    if (!ignore.isPathValid(path)) return false;
    let ignored = false;
    for (const layer of this.layers) {
      let local: string;
      if (layer.dir === '') local = path;
      else if (path.startsWith(`${layer.dir}/`)) local = path.slice(layer.dir.length + 1);
      else continue;
      const result = layer.matcher.test(isDirectory ? `${local}/` : local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** True when a file of `size` bytes exceeds the limit. */
  isTooLarge(size: number): boolean {
    return size > this.maxFileSize;
  }
}

function depthOf(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

/** How many leading bytes `isProbablyBinary` inspects (git looks at the first 8000). */
const BINARY_SAMPLE_BYTES = 8000;
/** More than this share of bytes in invalid UTF-8 sequences means "not text". */
const INVALID_UTF8_RATIO = 0.1;

/**
 * True when the bytes look like a binary file: a NUL byte in the first 8000 bytes, or more than 10% of
 * them in invalid UTF-8 sequences. A UTF-8 or UTF-16 byte order mark means text.
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, BINARY_SAMPLE_BYTES);
  if (length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return false;
  let invalid = 0;
  let index = 0;
  while (index < length) {
    const byte = bytes[index];
    if (byte === 0) return true;
    if (byte < 0x80) {
      index++;
      continue;
    }
    const expected = byte >= 0xf0 && byte <= 0xf4 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc2 && byte <= 0xdf ? 1 : -1;
    if (expected < 0 || byte > 0xf4) {
      invalid++;
      index++;
      continue;
    }
    let valid = true;
    for (let k = 1; k <= expected; k++) {
      // A sequence cut off by the end of the sample is not held against the file.
      if (index + k >= length) break;
      if ((bytes[index + k] & 0xc0) !== 0x80) {
        valid = false;
        break;
      }
    }
    if (valid) index += expected + 1;
    else {
      invalid++;
      index++;
    }
  }
  return length > 0 && invalid / length > INVALID_UTF8_RATIO;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i;
const UNIT: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/**
 * Parses a size such as `1048576`, `512k`, `2mb` or `1.5MiB` (binary units) into bytes;
 * undefined when unreadable.
 */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.floor(Number(match[1]) * UNIT[unit]);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}
