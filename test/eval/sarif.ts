import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { Log } from 'sarif';
import { kindOfRule } from './evaluate';
import type { Labeled } from './score';

/** Outcome of scoring through the CLI: labels from the SARIF file, or why that path was skipped. */
export type CliLabels = { labels: Labeled[]; seconds: number } | { skipped: string };

/** Turns a SARIF artifact URI (relative, `file://` or absolute) into a `/`-separated path relative to `root`. */
export function relativeUri(uri: string, root: string): string {
  let decoded = uri;
  if (uri.startsWith('file:')) decoded = fileURLToPath(uri);
  else decoded = decodeURIComponent(uri);
  const absolute = path.isAbsolute(decoded) ? decoded : path.resolve(root, decoded);
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Reads SARIF results exactly as the held-out check does: ruleId, file, region.startLine. */
export function labelsFromSarif(log: Log, root: string): Labeled[] {
  const labels: Labeled[] = [];
  for (const run of log.runs ?? []) {
    for (const result of run.results ?? []) {
      const location = result.locations?.[0]?.physicalLocation;
      const uri = location?.artifactLocation?.uri;
      const line = location?.region?.startLine;
      const ruleId = result.ruleId ?? (result.rule?.id as string | undefined);
      if (!uri || !line || !ruleId) continue;
      labels.push({ file: relativeUri(uri, root), line, ruleId, kind: kindOfRule(ruleId) });
    }
  }
  return labels;
}

/**
 * Runs `node dist/cli.js scan DIR --format sarif --output F` on the rendered corpus and reads the labels.
 * Skips with a note when the bundled CLI is missing or does not produce SARIF yet.
 */
export function scanWithCli(cliPath: string, corpusDir: string): CliLabels {
  if (!fs.existsSync(cliPath)) return { skipped: `${cliPath} not found (run \`node esbuild.js\`)` };
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyguard-eval-sarif-')), 'results.sarif');
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cliPath, 'scan', corpusDir, '--format', 'sarif', '--output', output], {
    cwd: corpusDir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 means "findings", which is what a scan of this corpus should say.
  if (run.status !== 0 && run.status !== 1) {
    const message = (run.stderr || run.stdout || String(run.error ?? '')).trim().split('\n')[0]?.slice(0, 200);
    return { skipped: `CLI exited with ${run.status ?? run.signal}: ${message}` };
  }
  if (!fs.existsSync(output)) {
    const stderr = (run.stderr || '').trim().split('\n').find((line) => /error/i.test(line)) ?? (run.stderr || '').trim().split('\n')[0] ?? '';
    return { skipped: `CLI exited ${run.status} without writing the SARIF file${stderr ? `: ${stderr.slice(0, 200)}` : ''}` };
  }
  let log: Log;
  try {
    log = JSON.parse(fs.readFileSync(output, 'utf8')) as Log;
  } catch (error) {
    return { skipped: `SARIF output is not JSON: ${(error as Error).message.slice(0, 120)}` };
  } finally {
    fs.rmSync(path.dirname(output), { recursive: true, force: true });
  }
  return { labels: labelsFromSarif(log, corpusDir), seconds };
}
