import type { JwtInfo } from '../engine/types';

const DAY_MS = 86_400_000;

/**
 * A JWT's expiry relative to `now`, in whole days: "expired 3 days ago", "expires in 12 days",
 * or undefined when the token has no `exp` claim.
 */
export function describeJwtExpiry(jwt: JwtInfo, now: number): string | undefined {
  if (jwt.expiresAt === undefined) return undefined;
  const days = Math.round(Math.abs(jwt.expiresAt - now) / DAY_MS);
  const span = days === 1 ? '1 day' : `${days} days`;
  if (jwt.expiresAt <= now) return days === 0 ? 'expired less than a day ago' : `expired ${span} ago`;
  return days === 0 ? 'expires in less than a day' : `expires in ${span}`;
}
