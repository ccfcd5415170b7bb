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
