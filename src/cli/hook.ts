/**
 * `keyguard install-hook`: adds a marked block to the git pre-commit hook that runs
 * `keyguard scan --staged`. An existing hook keeps its content; running it again changes nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliError, describeFsError } from './errors';
import { preCommitHookPath } from './files';

export const HOOK_BEGIN = '# >>> keyguard pre-commit >>>';
export const HOOK_END = '# <<< keyguard pre-commit <<<';

/** Shells the block is written for; any other interpreter would choke on it. */
const POSIX_SHELL = /^#!\s*(?:\/usr\/bin\/env\s+)?(?:\S*\/)?(?:sh|bash|dash|zsh|ksh|ash)(?:\s|$)/;

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The hook block. It looks for `keyguard` on PATH, then in the project's node_modules, then at the
 * CLI that installed the hook, so it works for global, local and checkout installs alike.
 */
export function hookBlock(cliPath: string): string {
  return [
    HOOK_BEGIN,
    '# Added by `keyguard install-hook`: stops commits that stage secrets. Delete this block to remove it.',
    'keyguard_run() {',
    '  if command -v keyguard >/dev/null 2>&1; then keyguard "$@"',
    '  elif [ -x ./node_modules/.bin/keyguard ]; then ./node_modules/.bin/keyguard "$@"',
    `  elif [ -f ${shellQuote(cliPath)} ]; then node ${shellQuote(cliPath)} "$@"`,
    '  else echo "keyguard: not installed; secret scan skipped" >&2',
    '  fi',
    '}',
    'keyguard_run scan --staged || {',
    '  keyguard_status=$?',
    '  echo "keyguard: commit blocked. Remove the secret, suppress it (keyguard:ignore), or commit with --no-verify." >&2',
    '  exit "$keyguard_status"',
    '}',
    HOOK_END,
  ].join('\n');
}

/**
 * Returns the hook text with the Keyguard block in it: replaced in place when present, otherwise inserted
 * right after the shebang so it runs even when the existing hook ends with `exit`.
 * @throws CliError when the existing hook is not a POSIX shell script.
 */
export function withHookBlock(existing: string | undefined, block: string): string {
  if (existing === undefined || existing.trim() === '') return `#!/bin/sh\n${block}\n`;
  const begin = existing.indexOf(HOOK_BEGIN);
  const end = existing.indexOf(HOOK_END, begin);
  if (begin >= 0 && end > begin) {
    return existing.slice(0, begin) + block + existing.slice(end + HOOK_END.length);
  }
  const firstLineEnd = existing.indexOf('\n');
  const firstLine = firstLineEnd < 0 ? existing : existing.slice(0, firstLineEnd);
  if (!firstLine.startsWith('#!')) return `#!/bin/sh\n${block}\n${existing}`;
  if (!POSIX_SHELL.test(firstLine)) {
    throw new CliError(`the existing pre-commit hook is not a shell script (${firstLine}); add "keyguard scan --staged" to it yourself`);
  }
  const rest = firstLineEnd < 0 ? '' : existing.slice(firstLineEnd + 1);
  return `${firstLine}\n${block}\n${rest}${firstLineEnd < 0 ? '\n' : ''}`;
}

/** What install-hook did. */
export interface InstallResult {
  hookPath: string;
  status: 'created' | 'added' | 'updated' | 'unchanged';
}

/**
 * Installs the block into the pre-commit hook of the repository containing `cwd`
 * (honouring `core.hooksPath`) and makes the hook executable.
 */
export function installHook(cwd: string, cliPath: string): InstallResult {
  const hookPath = preCommitHookPath(cwd);
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(hookPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(describeFsError(error, hookPath));
  }
  const next = withHookBlock(existing, hookBlock(cliPath));
  const status: InstallResult['status'] =
    existing === undefined ? 'created' : existing === next ? 'unchanged' : existing.includes(HOOK_BEGIN) ? 'updated' : 'added';
  try {
    fs.mkdirSync(path.dirname(hookPath), { recursive: true });
    if (status !== 'unchanged') fs.writeFileSync(hookPath, next);
    const mode = fs.statSync(hookPath).mode;
    fs.chmodSync(hookPath, mode | 0o111);
  } catch (error) {
    throw new CliError(describeFsError(error, hookPath));
  }
  return { hookPath, status };
}
