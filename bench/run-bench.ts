/**
 * `npm run bench`: Keyguard's performance figures next to secretlint's, printed, never asserted.
 *  1. Throughput on a fixed tree of installed packages' sources and on the eval corpus repeated
 *     (config formats included), Keyguard `scanText` vs secretlint 13 + recommended preset, same process.
 *  2. p50/p95 rescan time of a 10,000-line mixed file (the editor's per-keystroke cost).
 *  3. Per rule, time on 1 MB adversarial inputs; the 10 slowest.
 *  4. Activation time of dist/extension.js with a fake `vscode` module (outside VS Code).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanText } from '../src/engine/scanner';
import { allRules } from '../src/engine/rules/catalog';
import { adversarialTimings } from './adversarial';
import type { ActivationFigure } from './activation';
import { loadSecretlint, type Secretlint } from './secretlint';
import { mb, msSince, percentile, verdict } from './stats';
import { mixedFile, REAL_SOURCE_ROOTS, realSourceTree, repoRoot, syntheticTree, totalBytes, type BenchFile } from './trees';

const TARGETS = { throughputRatio: 2, ruleRatio: 4, rescanP50Ms: 10, ruleMaxMs: 50, activationMs: 50 };

interface Throughput {
  seconds: number;
  findings: number;
}

/** Scans every file with Keyguard; best of `passes` timed passes. */
function keyguardPass(files: BenchFile[], passes: number): Throughput {
  let best: Throughput = { seconds: Infinity, findings: 0 };
  for (let pass = 0; pass < passes; pass++) {
    let findings = 0;
    const started = process.hrtime.bigint();
    for (const file of files) findings += scanText(file.text, file.path).findings.length;
    const seconds = msSince(started) / 1000;
    if (seconds < best.seconds) best = { seconds, findings };
  }
  return best;
}

/** Scans every file with secretlint; best of `passes` timed passes. */
async function secretlintPass(secretlint: Secretlint, files: BenchFile[], passes: number): Promise<Throughput> {
  let best: Throughput = { seconds: Infinity, findings: 0 };
  for (let pass = 0; pass < passes; pass++) {
    let findings = 0;
    const started = process.hrtime.bigint();
    for (const file of files) findings += await secretlint.lint(file.text, file.path);
    const seconds = msSince(started) / 1000;
    if (seconds < best.seconds) best = { seconds, findings };
  }
  return best;
}

async function throughput(label: string, files: BenchFile[], secretlint: Secretlint | undefined): Promise<number | undefined> {
  const bytes = totalBytes(files);
  keyguardPass(files.slice(0, 50), 1);
  const keyguard = keyguardPass(files, 2);
  const keyguardRate = bytes / 1048576 / keyguard.seconds;
  console.log(`  ${label}: ${files.length} files, ${mb(bytes)} MB`);
  console.log(`    Keyguard   ${keyguardRate.toFixed(2).padStart(8)} MB/s  (${keyguard.seconds.toFixed(2)} s, ${keyguard.findings} findings)`);
  if (!secretlint) return undefined;
  await secretlintPass(secretlint, files.slice(0, 50), 1);
  const theirs = await secretlintPass(secretlint, files, 2);
  const theirRate = bytes / 1048576 / theirs.seconds;
  const ratio = keyguardRate / theirRate;
  console.log(`    secretlint ${theirRate.toFixed(2).padStart(8)} MB/s  (${theirs.seconds.toFixed(2)} s, ${theirs.findings} findings)`);
  console.log(`    ratio Keyguard/secretlint: ${ratio.toFixed(2)}× (target ≥ ${TARGETS.throughputRatio}×: ${verdict(ratio >= TARGETS.throughputRatio)})`);
  return ratio;
}

function rescan(): number {
  const text = mixedFile(10_000, 8);
  const fileName = 'src/mixed/settings.ts';
  for (let i = 0; i < 10; i++) scanText(text, fileName);
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 60; i++) {
    const started = process.hrtime.bigint();
    findings = scanText(text, fileName).findings.length;
    times.push(msSince(started));
  }
  const p50 = percentile(times, 50);
  console.log(`  10,000-line mixed file (${mb(Buffer.byteLength(text))} MB, ${findings} findings), 60 runs after 10 warm-ups:`);
  console.log(`    p50 ${p50.toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   max ${Math.max(...times).toFixed(2)} ms` +
    `   (target p50 ≤ ${TARGETS.rescanP50Ms} ms: ${verdict(p50 <= TARGETS.rescanP50Ms)})`);
  return p50;
}

function activation(): number | undefined {
  const bundle = path.join(repoRoot, 'dist/extension.js');
  const script = path.join(__dirname, 'activation.js');
  if (!fs.existsSync(bundle)) {
    console.log('  skipped: dist/extension.js not found (run `node esbuild.js`)');
    return undefined;
  }
  const figures: ActivationFigure[] = [];
  for (let run = 0; run < 5; run++) {
    const child = spawnSync(process.execPath, [script, bundle], { encoding: 'utf8', timeout: 60_000 });
    try {
      figures.push(JSON.parse(child.stdout) as ActivationFigure);
    } catch {
      console.log(`  run ${run + 1} failed: ${(child.stderr || child.stdout).trim().split('\n')[0]?.slice(0, 200)}`);
    }
  }
  const failed = figures.find((f) => f.error);
  if (failed) console.log(`  activate() threw with the fake vscode module: ${failed.error}`);
  const good = figures.filter((f) => !f.error);
  if (good.length === 0) return undefined;
  const total = percentile(good.map((f) => f.totalMs), 50);
  const last = good[good.length - 1];
  console.log(`  require(dist/extension.js) ${percentile(good.map((f) => f.requireMs), 50).toFixed(1)} ms + activate() ` +
    `${percentile(good.map((f) => f.activateMs), 50).toFixed(1)} ms = ${total.toFixed(1)} ms (median of ${good.length} cold processes; ` +
    `target ≤ ${TARGETS.activationMs} ms: ${verdict(total <= TARGETS.activationMs)})`);
  console.log(`  ${last.subscriptions} disposables pushed; APIs touched: ${last.apis.slice(0, 30).join(', ') || 'none'}`);
  console.log('  Measured outside VS Code with a fake `vscode` module: the extension host adds its own overhead.');
  return total;
}

async function main(): Promise<void> {
  console.log(`Keyguard bench — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${new Date().toISOString()}`);
  const keyguardRules = allRules().length;
  let secretlint: Secretlint | undefined;
  try {
    secretlint = await loadSecretlint();
  } catch (error) {
    console.log(`secretlint could not be loaded: ${(error as Error).message.slice(0, 200)}`);
  }
  console.log('');
  console.log('== Rules');
  console.log(`  Keyguard: ${keyguardRules} rules (allRules())`);
  if (secretlint) {
    const ratio = keyguardRules / secretlint.ruleCount;
    console.log(`  secretlint ${secretlint.version} + preset-recommend ${secretlint.presetVersion}: ${secretlint.ruleCount} rules`);
    console.log(`  ratio: ${ratio.toFixed(1)}× (target ≥ ${TARGETS.ruleRatio}×: ${verdict(ratio >= TARGETS.ruleRatio)})`);
  }

  console.log('');
  console.log('== Throughput (same files, same process, best of 2 passes after a warm-up)');
  const real = realSourceTree();
  if (real.missing.length > 0) console.log(`  missing roots (not installed): ${real.missing.join(', ')}`);
  console.log(`  real-source tree ${real.digest}: ${REAL_SOURCE_ROOTS.map((r) => `${r.dir}/**/*{${r.extensions.join(',')}}`).join(' ')}`);
  const ratios: Array<number | undefined> = [];
  ratios.push(await throughput('installed package sources', real.files, secretlint));
  ratios.push(await throughput('eval corpus ×20 (all formats)', syntheticTree(20), secretlint));

  console.log('');
  console.log('== Rescan (editor per-keystroke cost)');
  const p50 = rescan();

  console.log('');
  console.log('== Per rule on 1 MB adversarial inputs (each rule run alone; slowest variant per rule)');
  const rules = adversarialTimings();
  for (const note of rules.notes) console.log(`  note: ${note}`);
  const slowest = rules.timings.slice(0, 10);
  for (const t of slowest) console.log(`  ${t.ms.toFixed(1).padStart(8)} ms  ${t.ruleId.padEnd(36)} ${t.variant}`);
  const over = rules.timings.filter((t) => t.ms > TARGETS.ruleMaxMs);
  console.log(`  ${rules.timings.length} rule runs measured; ${over.length} over ${TARGETS.ruleMaxMs} ms ` +
    `(target none: ${verdict(over.length === 0)})${over.length > 0 ? `: ${over.map((t) => t.ruleId).join(', ')}` : ''}`);

  console.log('');
  console.log('== Activation');
  const activationMs = activation();

  console.log('');
  console.log('== Summary');
  const line = (name: string, value: string, met: boolean | undefined) =>
    console.log(`  ${name.padEnd(44)} ${value.padEnd(14)} ${met === undefined ? 'not measured' : verdict(met)}`);
  line('throughput vs secretlint (package sources)', ratios[0] ? `${ratios[0].toFixed(2)}×` : '-', ratios[0] === undefined ? undefined : ratios[0] >= TARGETS.throughputRatio);
  line('throughput vs secretlint (corpus ×20)', ratios[1] ? `${ratios[1].toFixed(2)}×` : '-', ratios[1] === undefined ? undefined : ratios[1] >= TARGETS.throughputRatio);
  line('rules vs secretlint', secretlint ? `${(keyguardRules / secretlint.ruleCount).toFixed(1)}×` : '-', secretlint ? keyguardRules / secretlint.ruleCount >= TARGETS.ruleRatio : undefined);
  line('10k-line rescan p50', `${p50.toFixed(2)} ms`, p50 <= TARGETS.rescanP50Ms);
  line('slowest rule on 1 MB', rules.timings[0] ? `${rules.timings[0].ms.toFixed(1)} ms` : '-', rules.timings[0] ? rules.timings[0].ms <= TARGETS.ruleMaxMs : undefined);
  line('activation (outside VS Code)', activationMs === undefined ? '-' : `${activationMs.toFixed(1)} ms`, activationMs === undefined ? undefined : activationMs <= TARGETS.activationMs);
}

main().catch((error) => {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
