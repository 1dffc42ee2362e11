/**
 * `keyguard` command-line entry: parses arguments, dispatches, and maps outcomes to exit codes
 * (0 clean, 1 findings, 2 usage or I/O error with a one-line message on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules, ruleById } from '../engine/rules/catalog';
import { HELP, parseArgs, UsageError, type RulesArgs, type ScanArgs } from './args';
import { CliError, describeFsError } from './errors';
import { collectFromPaths, collectStaged } from './files';
import { colorEnabled, formatJson, formatText, palette, summaryLine } from './format';
import { installHook } from './hook';
import { VERSION } from './meta';
import { formatSarif } from './sarif';
import { runScan, type ScanReport } from './scan';

/** The process surface the CLI uses, injectable for tests. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Absolute path of the running CLI script (embedded in the pre-commit hook as a fallback). */
  scriptPath: string;
  now(): number;
}

/** Shows a file count on stderr once a scan has run for a second, on a TTY only. */
function progressReporter(io: CliIo, enabled: boolean): { update(done: number, total: number): void; clear(): void } {
  const started = io.now();
  let lastDrawn = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = io.now();
      if (now - started < 1000 || (now - lastDrawn < 100 && done < total)) return;
      lastDrawn = now;
      drawn = true;
      io.stderr.write(`\rkeyguard: scanned ${done}/${total} files…`);
    },
    clear() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

function checkRuleIds(ids: readonly string[]): void {
  const unknown = ids.filter((id) => !ruleById(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule id: ${unknown.join(', ')} (see keyguard rules)`);
}

function render(report: ScanReport, args: ScanArgs, io: CliIo): string {
  switch (args.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'text': {
      const toTerminal = args.output === undefined;
      const colors = palette(toTerminal && colorEnabled(args.noColor, io.env, io.stdout.isTTY === true));
      return formatText(report, { colors, quiet: args.quiet, verbose: args.verbose });
    }
  }
}

function scanCommand(args: ScanArgs, io: CliIo): number {
  checkRuleIds(args.disabledRules);
  const options = { noGitignore: args.noGitignore, maxFileSize: args.maxFileSize };
  const collection = args.staged ? collectStaged(io.cwd, options) : collectFromPaths(args.paths, io.cwd, options);
  const progress = progressReporter(io, !args.quiet && io.stderr.isTTY === true);
  const report = runScan(collection, {
    maxFileSize: args.maxFileSize,
    disabledRules: args.disabledRules,
    now: io.now(),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.clear();
  if (!args.quiet) for (const warning of report.warnings) io.stderr.write(`keyguard: warning: ${warning}\n`);

  const output = render(report, args, io);
  if (args.output !== undefined) {
    const target = path.resolve(io.cwd, args.output);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    } catch (error) {
      throw new CliError(`cannot write ${args.output}: ${describeFsError(error, args.output)}`);
    }
    if (!args.quiet) io.stderr.write(`${summaryLine(report, palette(false))}\nkeyguard: report written to ${args.output}\n`);
  } else {
    io.stdout.write(output);
  }
  return report.findings.length > 0 ? 1 : 0;
}

function rulesCommand(args: RulesArgs, io: CliIo): number {
  const rules = allRules();
  if (args.format === 'json') {
    const list = rules.map(({ id, title, provider, kind, severity, format, remediation }) => ({ id, title, provider, kind, severity, format, remediation }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(7)}  ${rule.kind.padEnd(12)}  ${rule.provider}: ${rule.title}`,
  );
  io.stdout.write(`${lines.join('\n')}\n${rules.length} rules\n`);
  return 0;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'rules':
        return rulesCommand(args, io);
      case 'install-hook': {
        const result = installHook(io.cwd, io.scriptPath);
        if (!args.quiet) {
          const where = path.relative(io.cwd, result.hookPath) || result.hookPath;
          const verb = { created: 'created', added: 'added Keyguard to', updated: 'updated Keyguard in', unchanged: 'already installed in' }[result.status];
          io.stdout.write(`keyguard: ${verb} ${where}\n`);
        }
        return 0;
      }
      case 'scan':
        return scanCommand(args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliError) {
      io.stderr.write(`keyguard: ${error.message}\n`);
    } else {
      io.stderr.write(`keyguard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 2;
  }
}

if (require.main === module) {
  // A closed pipe (`keyguard scan | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    scriptPath: path.resolve(process.argv[1] ?? __filename),
    now: () => Date.now(),
  });
}
