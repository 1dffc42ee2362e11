import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { maskSecret } from '../../src/engine/mask';
import { loadQuickfixCases, type QuickfixCase } from '../support/quickfixCases';

/** True when a program is on PATH. */
function has(tool: string): boolean {
  return spawnSync('which', [tool], { stdio: 'ignore' }).status === 0;
}

/** How to run a fixed fixture: compile if needed, then the command that prints the key. */
const RUNNERS: Record<string, { tool: string; file: string; prepare?: (dir: string, file: string) => void; command: (dir: string, file: string) => [string, string[]] }> = {
  python3: { tool: 'python3', file: 'main.py', command: (_d, f) => ['python3', [f]] },
  node: { tool: 'node', file: 'main.js', command: (_d, f) => ['node', [f]] },
  bash: { tool: 'bash', file: 'main.sh', command: (_d, f) => ['bash', [f]] },
  // Java 11+ runs a single source file directly (javac is used under the hood).
  java: { tool: 'java', file: 'Main.java', command: (_d, f) => ['java', [f]] },
  go: { tool: 'go', file: 'main.go', command: (_d, f) => ['go', ['run', f]] },
  rustc: {
    tool: 'rustc', file: 'main.rs',
    prepare: (dir, f) => execFileSync('rustc', ['--edition', '2021', '-O', '-o', path.join(dir, 'main-bin'), f], { stdio: 'pipe' }),
    command: (dir) => [path.join(dir, 'main-bin'), []],
  },
};

/** Runs the program with the given environment; returns stdout (never printed) and the exit status. */
function run(c: QuickfixCase, dir: string, file: string, env: NodeJS.ProcessEnv): { stdout: string; status: number | null } {
  const [command, args] = RUNNERS[c.run!].command(dir, file);
  const result = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { stdout: result.stdout ?? '', status: result.status };
}

describe('envfix: the rewritten programs still run and read the key from the environment', function () {
  this.timeout(180_000);
  for (const c of loadQuickfixCases().filter((x) => x.run)) {
    const runner = RUNNERS[c.run!];
    it(`${c.lang}: the fixed program prints the ${c.name} it is given (${runner.tool})`, function () {
      if (!has(runner.tool)) this.skip();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kg-run-${c.lang}-`));
      try {
        const file = path.join(dir, runner.file);
        fs.writeFileSync(file, c.expected!);
        runner.prepare?.(dir, file);
        const base = { PATH: process.env.PATH, HOME: process.env.HOME ?? dir, GOCACHE: path.join(dir, 'gocache') };
        const withKey = run(c, dir, file, { ...base, [c.name]: c.value });
        // Compared in-process; a failure shows the masked forms only.
        assert.ok(withKey.status === 0 && withKey.stdout === c.value,
          `${c.lang}: exit ${withKey.status}, printed ${withKey.stdout ? maskSecret(withKey.stdout) : '(nothing)'}, expected ${maskSecret(c.value)}`);
        const without = run(c, dir, file, base);
        assert.ok(without.stdout !== c.value, `${c.lang}: prints the key even without ${c.name}: it is not read from the environment`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
