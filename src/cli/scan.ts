/**
 * Runs the engine over collected files and gathers one report. A file that cannot be read, is binary,
 * too large or trips the engine is recorded as skipped; nothing here throws for a single bad file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isProbablyBinary } from '../engine/pathFilter';
import { scanText } from '../engine/scanner';
import { ALLOWLIST_RELATIVE_PATH, parseAllowlist } from '../engine/suppress';
import type { AllowlistEntry, Finding } from '../engine/types';
import { describeFsError } from './errors';
import type { Collection, SkippedFile } from './files';

/** A finding plus the file it was found in (relative to the report base, forward slashes). */
export interface FileFinding extends Finding {
  path: string;
}

/** A non-fatal remark about one file (malformed YAML scanned line by line, ...). */
export interface FileNote {
  path: string;
  note: string;
}

/** Everything a formatter needs. */
export interface ScanReport {
  /** Absolute directory the paths are relative to. */
  base: string;
  findings: FileFinding[];
  skipped: SkippedFile[];
  notes: FileNote[];
  filesScanned: number;
  durationMs: number;
  /** Problems with the scan's own configuration (unreadable allowlist), shown as warnings. */
  warnings: string[];
}

/** Options for one run. */
export interface RunOptions {
  maxFileSize: number;
  disabledRules: string[];
  now: number;
  /** Called after each file with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Reads `.keyguard/allowlist.json` under `base`; a missing file is no allowlist, a broken one a warning. */
export function loadAllowlist(base: string): { entries: AllowlistEntry[]; warning?: string } {
  let text: string;
  try {
    text = fs.readFileSync(path.join(base, ALLOWLIST_RELATIVE_PATH), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return { entries: [], warning: `${ALLOWLIST_RELATIVE_PATH}: ${describeFsError(error, 'file')}` };
  }
  const parsed = parseAllowlist(text);
  return {
    entries: parsed.entries,
    warning: parsed.error ? `${ALLOWLIST_RELATIVE_PATH}: ${parsed.error}` : undefined,
  };
}

/** Decodes bytes as text: UTF-8 (BOM dropped, invalid bytes replaced) or UTF-16 with a byte order mark. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 BOM by default, so columns match what an editor shows.
  return new TextDecoder('utf-8').decode(bytes);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Scans every collected file. */
export function runScan(collection: Collection, options: RunOptions): ScanReport {
  const started = Date.now();
  const allowlist = loadAllowlist(collection.base);
  const report: ScanReport = {
    base: collection.base,
    findings: [],
    skipped: [...collection.skipped],
    notes: [],
    filesScanned: 0,
    durationMs: 0,
    warnings: allowlist.warning ? [allowlist.warning] : [],
  };
  const total = collection.files.length;
  collection.files.forEach((file, index) => {
    scanOne(file, options, allowlist.entries, report);
    options.onProgress?.(index + 1, total);
  });
  report.findings.sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start - b.range.start),
  );
  report.durationMs = Date.now() - started;
  return report;
}

function scanOne(
  file: Collection['files'][number],
  options: RunOptions,
  allowlist: AllowlistEntry[],
  report: ScanReport,
): void {
  if (file.size > options.maxFileSize) {
    report.skipped.push({ path: file.path, reason: `too large (${formatBytes(file.size)}, limit ${formatBytes(options.maxFileSize)})` });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = file.read();
  } catch (error) {
    report.skipped.push({ path: file.path, reason: `unreadable: ${describeFsError(error, 'file')}` });
    return;
  }
  // The size can change between stat and read.
  if (bytes.length > options.maxFileSize) {
    report.skipped.push({ path: file.path, reason: `too large (${formatBytes(bytes.length)})` });
    return;
  }
  if (isProbablyBinary(bytes)) {
    report.skipped.push({ path: file.path, reason: 'binary' });
    return;
  }
  try {
    const result = scanText(decodeText(bytes), file.path, {
      now: options.now,
      disabledRules: options.disabledRules,
      allowlist,
      relativePath: file.path,
    });
    if (result.skipped) {
      report.skipped.push({ path: file.path, reason: result.skipped });
      return;
    }
    report.filesScanned++;
    for (const note of result.notes) report.notes.push({ path: file.path, note });
    for (const finding of result.findings) report.findings.push({ ...finding, path: file.path });
  } catch (error) {
    report.skipped.push({ path: file.path, reason: `engine error: ${error instanceof Error ? error.message : String(error)}` });
  }
}
