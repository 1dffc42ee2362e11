/** An I/O or environment problem the CLI reports as one line on stderr with exit code 2. */
export class CliError extends Error {}

/** A one-line description of a file-system error, without a stack: `no such file or directory: foo`. */
export function describeFsError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file or directory: ${path}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: ${path}`;
    case 'EISDIR':
      return `is a directory: ${path}`;
    case 'ENOTDIR':
      return `not a directory: ${path}`;
    default:
      return `${error instanceof Error ? error.message : String(error)}`;
  }
}
