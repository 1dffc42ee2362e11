/** A PEM header line: its first 40 characters are shown, since they name the key type and reveal nothing. */
const PEM_HEADER = /^-----BEGIN [A-Z0-9 ]+-----/;

/**
 * The only form in which a secret may be shown: its first 4 characters, an ellipsis, the last 4 when the
 * value is long enough that they reveal little, and its length. `ghp_…x9Qa (40 chars)`.
 * Short values show only their first character so the mask never gives most of a password away.
 */
export function maskSecret(value: string): string {
  const length = value.length;
  // Only a value that starts like a PEM block needs its first line cut out (a cheap test first: this runs per finding).
  if (value.startsWith('-----BEGIN ')) {
    const firstLine = value.split(/\r?\n/, 1)[0];
    if (PEM_HEADER.test(firstLine)) return `${firstLine.slice(0, 40)}… (${length} chars)`;
  }
  if (length >= 24) return `${value.slice(0, 4)}…${value.slice(-4)} (${length} chars)`;
  if (length >= 12) return `${value.slice(0, 4)}… (${length} chars)`;
  return `${value.slice(0, 1)}… (${length} chars)`;
}
