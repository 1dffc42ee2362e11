/**
 * A small hand-written argv parser for `keyguard`: three commands, a handful of flags,
 * `--flag value` and `--flag=value` forms, and `--` to end options.
 */
import { DEFAULT_MAX_FILE_SIZE, parseSize } from '../engine/pathFilter';

/** Report formats of `keyguard scan`. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Options of `keyguard scan`. */
export interface ScanArgs {
  command: 'scan';
  /** Paths to scan as given; `['.']` when none. */
  paths: string[];
  format: OutputFormat;
  output?: string;
  staged: boolean;
  maxFileSize: number;
  /** Explicit `--no-color`; NO_COLOR and the TTY check are applied by the caller. */
  noColor: boolean;
  disabledRules: string[];
  quiet: boolean;
  verbose: boolean;
  /** `--no-gitignore`: scan files that `.gitignore` excludes (`.keyguardignore` still applies). */
  noGitignore: boolean;
}

/** Options of `keyguard install-hook`. */
export interface InstallHookArgs {
  command: 'install-hook';
  quiet: boolean;
}

/** Options of `keyguard rules`. */
export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

/** Anything the parser can return. */
export type ParsedArgs =
  | ScanArgs
  | InstallHookArgs
  | RulesArgs
  | { command: 'help' }
  | { command: 'version' };

/** A command-line mistake; the message is printed after `keyguard: ` and the exit code is 2. */
export class UsageError extends Error {}

/** The `--help` text. */
export const HELP = `Usage: keyguard <command> [options]

Commands:
  scan [paths...]      Scan files and directories for secrets and risky config (default: .)
  install-hook         Add a git pre-commit hook that runs \`keyguard scan --staged\`
  rules                List the detection rules

Scan options:
  --format <fmt>       text (default), json or sarif
  --output <file>      Write the report to a file instead of stdout
  --staged             Scan the content staged in git (for a pre-commit hook)
  --max-file-size <n>  Skip files larger than n bytes (default 1 MiB; accepts 500k, 2mb)
  --disable <ids>      Comma-separated rule ids to turn off (repeatable)
  --no-gitignore       Also scan files that .gitignore excludes
  --no-color           Plain output (also when NO_COLOR is set or stdout is not a terminal)
  --quiet              Print findings only: no summary, notes or progress
  --verbose            List skipped files and parser notes
  --help, -h           Show this help
  --version, -v        Show the version

Exit codes: 0 no findings, 1 findings, 2 usage or I/O error.
Suppress a line with a \`keyguard:ignore [rule-id] [until YYYY-MM-DD]\` comment, a path with
.keyguardignore (gitignore syntax), a value with .keyguard/allowlist.json.
`;

/** Splits `--name=value` into name and inline value. */
function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return arg.startsWith('--') && equals > 0 ? [arg.slice(0, equals), arg.slice(equals + 1)] : [arg, undefined];
}

/**
 * Parses `argv` (without `node` and the script path).
 * @throws UsageError on an unknown command, unknown flag or a missing/invalid value.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args = [...argv];
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { command: 'help' };
  if (args.includes('--version') || args.includes('-v')) return { command: 'version' };
  const command = args.shift();
  switch (command) {
    case undefined:
    case 'help':
      return { command: 'help' };
    case 'scan':
      return parseScan(args);
    case 'install-hook':
      return parseInstallHook(args);
    case 'rules':
      return parseRules(args);
    default:
      throw new UsageError(`unknown command: ${command} (try keyguard --help)`);
  }
}

function parseScan(args: string[]): ScanArgs {
  const result: ScanArgs = {
    command: 'scan',
    paths: [],
    format: 'text',
    staged: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    noColor: false,
    disabledRules: [],
    quiet: false,
    verbose: false,
    noGitignore: false,
  };
  let optionsEnded = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      result.paths.push(arg);
      continue;
    }
    const [flag, inline] = splitFlag(arg);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[index + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value`);
      index++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '--':
        optionsEnded = true;
        break;
      case '--format':
      case '-f': {
        const format = value();
        if (format !== 'text' && format !== 'json' && format !== 'sarif') {
          throw new UsageError(`unknown format: ${format} (use text, json or sarif)`);
        }
        result.format = format;
        break;
      }
      case '--output':
      case '-o':
        result.output = value();
        break;
      case '--staged':
        noValue();
        result.staged = true;
        break;
      case '--max-file-size': {
        const text = value();
        const size = parseSize(text);
        if (size === undefined) throw new UsageError(`invalid --max-file-size: ${text} (e.g. 1048576, 500k, 2mb)`);
        result.maxFileSize = size;
        break;
      }
      case '--no-color':
        noValue();
        result.noColor = true;
        break;
      case '--disable':
        result.disabledRules.push(...value().split(',').map((id) => id.trim()).filter(Boolean));
        break;
      case '--quiet':
      case '-q':
        noValue();
        result.quiet = true;
        break;
      case '--verbose':
        noValue();
        result.verbose = true;
        break;
      case '--no-gitignore':
        noValue();
        result.noGitignore = true;
        break;
      default:
        throw new UsageError(`unknown option: ${flag} (try keyguard --help)`);
    }
  }
  if (result.staged && result.paths.length > 0) throw new UsageError('--staged scans the git index; do not pass paths with it');
  if (result.paths.length === 0 && !result.staged) result.paths.push('.');
  return result;
}

function parseInstallHook(args: string[]): InstallHookArgs {
  const result: InstallHookArgs = { command: 'install-hook', quiet: false };
  for (const arg of args) {
    if (arg === '--quiet' || arg === '-q') result.quiet = true;
    else throw new UsageError(`install-hook: unexpected argument: ${arg}`);
  }
  return result;
}

function parseRules(args: string[]): RulesArgs {
  const result: RulesArgs = { command: 'rules', format: 'text' };
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitFlag(args[index]);
    if (flag !== '--format') throw new UsageError(`rules: unexpected argument: ${args[index]}`);
    const format = inline ?? args[++index];
    if (format !== 'text' && format !== 'json') throw new UsageError(`rules: unknown format: ${format ?? ''} (use text or json)`);
    result.format = format;
  }
  return result;
}
