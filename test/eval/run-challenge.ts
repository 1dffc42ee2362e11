/**
 * `npm run eval:challenge`: scores Keyguard on the challenge corpus (test/eval/challenge/files), in-process
 * with `scanText` and through the CLI's SARIF, exactly like `npm run eval` does for the main corpus.
 * Prints every miss and false positive (masked). A report: exit 0 unless a template fails to render or
 * the engine throws.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeCorpus } from './corpus';
import { evaluateInProcess, expectedLabels } from './evaluate';
import { formatScore, summaryLine } from './report';
import { scanWithCli } from './sarif';
import { score } from './score';
import { loadChallenge } from './challenge/load';

function main(): number {
  const quiet = process.argv.includes('--quiet');
  const noCli = process.argv.includes('--no-cli');
  const { files, errors } = loadChallenge();
  const expected = expectedLabels(files);
  console.log(`Keyguard challenge corpus: ${files.length} files, ${expected.length} expected findings, ` +
    `${new Set(expected.map((e) => e.ruleId)).size} distinct rule ids`);
  for (const error of errors) console.log(`RENDER ERROR ${error}`);
  const inProcess = evaluateInProcess(files);
  const onLine = new Map<string, string[]>();
  for (const fp of inProcess.score.falsePositives) {
    const list = onLine.get(`${fp.file}:${fp.line}`) ?? [];
    list.push(fp.ruleId);
    onLine.set(`${fp.file}:${fp.line}`, list);
  }
  if (!quiet) console.log(formatScore('scanText', inProcess.score, onLine));
  for (const error of inProcess.errors) console.log(`ENGINE ERROR ${error}`);
  console.log(summaryLine('scanText', inProcess.score));
  if (!noCli) {
    const dir = writeCorpus(files, fs.mkdtempSync(path.join(os.tmpdir(), 'keyguard-challenge-')));
    try {
      const cli = scanWithCli(path.resolve(__dirname, '../../../dist/cli.js'), dir);
      if ('skipped' in cli) console.log(`CLI/SARIF: skipped: ${cli.skipped}`);
      else {
        const cliScore = score(expected, cli.labels);
        console.log(summaryLine(`CLI SARIF (${cli.seconds.toFixed(1)} s)`, cliScore));
        // Same engine on both paths: list what only the CLI got wrong (ignored paths, SARIF lines).
        const key = (l: { file: string; line: number; ruleId: string }) => `${l.file}:${l.line} ${l.ruleId}`;
        const inProcessErrors = new Set([...inProcess.score.falseNegatives, ...inProcess.score.falsePositives].map(key));
        for (const l of cliScore.falseNegatives) if (!inProcessErrors.has(key(l))) console.log(`  CLI only missed: ${key(l)}`);
        for (const l of cliScore.falsePositives) if (!inProcessErrors.has(key(l))) console.log(`  CLI only reported: ${key(l)}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return errors.length + inProcess.errors.length > 0 ? 1 : 0;
}

process.exitCode = main();
