let createHash: typeof import('crypto').createHash | undefined;

/** Stable, non-reversible identity of a secret value (sha256 hex). Safe to store in allowlists and metadata. */
export function fingerprintOf(value: string): string {
  // `crypto` is required on first use, not at load: it costs a cold process ~7 ms, which the extension's
  // activation does not need (see src/host/nodeBuiltins.ts).
  createHash ??= (require('crypto') as typeof import('crypto')).createHash;
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
