/// How many comments one account and one network address may submit inside each sliding window.
/// Generous for a person writing by hand, tight for a script; a campaign of many people is not
/// limited (that is what grouping is for).
export const commentRateLimits = {
  account: [
    { max: 10, windowMs: 10 * 60_000 },
    { max: 100, windowMs: 24 * 3600_000 },
  ],
  address: [{ max: 60, windowMs: 10 * 60_000 }],
} as const;

/// One sliding window of a rate limit.
export type RateWindow = { readonly max: number; readonly windowMs: number };

/// What one sender sent inside one window: how many comments, and when the oldest of them came
/// (milliseconds; null when none).
export type WindowCount = { count: number; oldest: number | null };

/// How many seconds until every exceeded window has room again (at least 1 when one is exceeded);
/// 0 when none is. `counts[i]` is what was sent inside `limits[i]` up to `now`.
export function secondsUntilRoom(limits: readonly RateWindow[], counts: readonly WindowCount[], now: number): number {
  let wait = 0;
  limits.forEach((l, i) => {
    const { count, oldest } = counts[i];
    if (count >= l.max && oldest !== null) wait = Math.max(wait, Math.ceil((oldest + l.windowMs - now) / 1000), 1);
  });
  return wait;
}
