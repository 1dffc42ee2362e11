import type { JwtInfo } from './types';

const DAY_MS = 86_400_000;

function decodeSegment(segment: string): unknown {
  const json = Buffer.from(segment.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return JSON.parse(json);
}

/**
 * Decodes a JWT's header and claims (never the signature) and reports its expiry relative to `now`.
 * Returns undefined when the text is not a JWT with a JSON header and payload.
 */
export function decodeJwt(token: string, now: number): JwtInfo | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = decodeSegment(parts[0]) as Record<string, unknown>;
    const payload = decodeSegment(parts[1]) as Record<string, unknown>;
    if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object') return undefined;
    const info: JwtInfo = {};
    if (typeof header.alg === 'string') info.algorithm = header.alg;
    if (typeof payload.iss === 'string') info.issuer = payload.iss;
    if (typeof payload.sub === 'string') info.subject = payload.sub;
    if (typeof payload.exp === 'number' && Number.isFinite(payload.exp)) {
      info.expiresAt = payload.exp * 1000;
      info.expired = info.expiresAt <= now;
      info.expiresInDays = Math.floor((info.expiresAt - now) / DAY_MS);
    }
    return info;
  } catch {
    return undefined;
  }
}
