/**
 * `npm run eval`: scores Keyguard on the labelled corpus under test/eval/corpus.
 * Renders every template (fake keys made now), scans each file in-process with `scanText`, then scans the
 * same rendered tree with the bundled CLI and scores its SARIF the way the held-out check does
 * (ruleId, file, region.startLine). Prints precision/recall/F1 overall, per kind and per rule, and every
 * false positive/negative with masked values only. Exit 0 (it is a report) unless `--min-f1 X` is given
 * and an overall F1 falls below X.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultCorpusDir, listFiles, loadCorpus, renderErrors, writeCorpus } from './corpus';
import { ruleById } from '../../src/engine/rules/catalog';
import { evaluateInProcess, expectedLabels } from './evaluate';
import { formatScore, summaryLine } from './report';
import { scanWithCli } from './sarif';
import { f1, score, type Labeled } from './score';

interface Args {
  minF1?: number;
  cli: boolean;
  corpusDir: string;
  quiet: boolean;
  /** Only corpus files whose path contains one of these substrings. */
  filters: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { cli: true, corpusDir: defaultCorpusDir(), quiet: false, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--min-f1') args.minF1 = Number(argv[++i]);
    else if (arg === '--no-cli') args.cli = false;
    else if (arg === '--corpus') args.corpusDir = path.resolve(argv[++i]);
    else if (arg === '--quiet') args.quiet = true;
    else if (arg === '--filter') args.filters.push(argv[++i]);
    else throw new Error(`unknown argument ${arg} (expected --min-f1 X, --no-cli, --corpus DIR, --filter SUBSTRING, --quiet)`);
  }
  if (args.minF1 !== undefined && !(args.minF1 >= 0 && args.minF1 <= 1)) throw new Error('--min-f1 takes a number in [0, 1]');
  return args;
}

const key = (l: Labeled) => `${l.file}:${l.line} ${l.ruleId}`;

/** Lines where the two paths' lists differ, with each side's count. */
function countDifferences(inProcess: Labeled[], cli: Labeled[], what: string): string[] {
  const counts = new Map<string, [number, number]>();
  const bump = (l: Labeled, side: 0 | 1) => {
    const entry = counts.get(key(l)) ?? [0, 0];
    entry[side]++;
    counts.set(key(l), entry);
  };
  for (const l of inProcess) bump(l, 0);
  for (const l of cli) bump(l, 1);
  return [...counts]
    .filter(([, [a, b]]) => a !== b)
    .map(([k, [a, b]]) => `${k}: ${what} ${a}× by scanText, ${b}× by the CLI`);
}

/** A note when the CLI bundle is older than the engine sources, which makes the two paths disagree. */
function staleBundleNote(cliPath: string): string | undefined {
  const srcDir = path.resolve(__dirname, '../../../src');
  if (!fs.existsSync(srcDir)) return undefined;
  const newest = listFiles(srcDir).reduce((max, rel) => Math.max(max, fs.statSync(path.join(srcDir, rel)).mtimeMs), 0);
  return newest > fs.statSync(cliPath).mtimeMs
    ? 'note: dist/cli.js is older than src/ (run `node esbuild.js`); differences below may only mean a stale bundle.'
    : undefined;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const files = loadCorpus(args.corpusDir).filter(
    (file) => args.filters.length === 0 || args.filters.some((part) => file.relPath.includes(part)),
  );
  const expected = expectedLabels(files);
  const extensions = new Map<string, number>();
  for (const f of files) {
    const base = path.posix.basename(f.relPath);
    const ext = base.startsWith('.') || !base.includes('.') ? base : path.posix.extname(base);
    extensions.set(ext, (extensions.get(ext) ?? 0) + 1);
  }
  const kinds = new Map<string, number>();
  for (const e of expected) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
  console.log(`Keyguard eval corpus: ${files.length} files, ${files.reduce((n, f) => n + f.text.split('\n').length, 0)} lines, ` +
    `${expected.length} expected findings (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
    `${new Set(expected.map((e) => e.ruleId)).size} distinct rule ids`);
  for (const error of renderErrors) console.log(`RENDER ERROR ${error}`);
  const unknown = [...new Set(expected.map((e) => e.ruleId).filter((id) => !ruleById(id)))];
  if (unknown.length > 0) console.log(`UNKNOWN RULE IDS in expectations (renamed rules?): ${unknown.join(', ')}`);
  console.log(`file types: ${[...extensions].sort(([a], [b]) => a.localeCompare(b)).map(([e, n]) => `${e}×${n}`).join(' ')}`);
  console.log('');

  const started = process.hrtime.bigint();
  const inProcess = evaluateInProcess(files);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Unmatched findings by line, so a miss shows what was reported there instead (often just another rule id).
  const onLine = new Map<string, string[]>();
  for (const fp of inProcess.score.falsePositives) {
    const list = onLine.get(`${fp.file}:${fp.line}`) ?? [];
    list.push(fp.ruleId);
    onLine.set(`${fp.file}:${fp.line}`, list);
  }
  if (!args.quiet) console.log(formatScore('scanText', inProcess.score, onLine));
  for (const error of inProcess.errors) console.log(`ENGINE ERROR ${error}`);
  console.log('');
  console.log(summaryLine(`scanText (${ms.toFixed(0)} ms)`, inProcess.score));
  const failures: string[] = [];
  if (args.minF1 !== undefined && f1(inProcess.score.overall) < args.minF1) failures.push(`scanText F1 below ${args.minF1}`);
  if (inProcess.errors.length > 0) failures.push(`${inProcess.errors.length} engine errors`);
  if (renderErrors.length > 0) failures.push(`${renderErrors.length} templates did not render`);

  if (args.cli) {
    const cliPath = path.resolve(__dirname, '../../../dist/cli.js');
    const dir = writeCorpus(files, fs.mkdtempSync(path.join(os.tmpdir(), 'keyguard-eval-')));
    try {
      const cli = scanWithCli(cliPath, dir);
      if ('skipped' in cli) {
        console.log(`CLI/SARIF: skipped: ${cli.skipped}`);
      } else {
        const cliScore = score(expected, cli.labels);
        console.log(summaryLine(`CLI SARIF (${cli.seconds.toFixed(1)} s)`, cliScore));
        // Both paths share one engine: any difference is a CLI bug (path handling, ignores, SARIF lines)
        // or a stale bundle. Compared as multisets: two findings on one line are two findings.
        const differences = [
          ...countDifferences(inProcess.score.falsePositives, cliScore.falsePositives, 'reported'),
          ...countDifferences(inProcess.score.falseNegatives, cliScore.falseNegatives, 'missed'),
        ];
        const stale = staleBundleNote(cliPath);
        if (stale) console.log(stale);
        console.log(differences.length === 0
          ? 'CLI and scanText agree on every finding.'
          : `CLI and scanText disagree on ${differences.length} findings:\n  ${differences.slice(0, 40).join('\n  ')}`);
        if (args.minF1 !== undefined && f1(cliScore.overall) < args.minF1) failures.push(`CLI F1 below ${args.minF1}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (failures.length === 0) return 0;
  // Without --min-f1 this is a report: problems are printed, the exit code stays 0.
  console.log(`${args.minF1 === undefined ? 'PROBLEMS' : 'FAIL'}: ${failures.join('; ')}`);
  return args.minF1 === undefined ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval: ${(error as Error).message}`);
  process.exitCode = 2;
}
