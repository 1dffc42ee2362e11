import { createHash } from 'crypto';

/** Stable, non-reversible identity of a secret value (sha256 hex). Safe to store in allowlists and metadata. */
export function fingerprintOf(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
