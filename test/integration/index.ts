import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Prefix of the line the runners (code-server page, test-electron) read to count results. */
export const RESULT_MARK = 'KEYGUARD-RESULT';

/** Every compiled `*.test.js` below this folder, sorted so runs are reproducible. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

/**
 * Entry point VS Code calls inside the extension host (`extensionTestsPath`), whatever started it:
 * scripts/vscode/run-integration.js (code-server) or scripts/vscode/run-electron.js (@vscode/test-electron).
 * Honours `KEYGUARD_TEST_GREP`, prints one `KEYGUARD-RESULT {"passed":N,"failed":M}` line through
 * console.log (which reaches the runner), and rejects when anything failed or nothing ran.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.KEYGUARD_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`${RESULT_MARK} ${JSON.stringify({ passed, failed })}`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else if (passed === 0) reject(new Error(`no integration test ran${grep ? ` (grep ${grep})` : ''}`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      // 'fail' also fires for failing hooks, which count as failures too.
      runner.on('fail', () => failed++);
    } catch (error) {
      console.log(`${RESULT_MARK} ${JSON.stringify({ passed, failed: failed + 1 })}`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
