/// China keeps one time zone, UTC+8, with no summer time.
const chinaOffsetMs = 8 * 3600_000;

/// Today's date in China as `YYYY-MM-DD`: regulations take effect, and consultations open and
/// close, on Beijing dates. The one place the product asks what day it is.
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/// True for a real calendar date written `YYYY-MM-DD`.
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/// `2025-01-01` → `2025年1月1日`, the way Chinese legal texts write dates.
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/// The date `days` after (or, negative, before) an ISO date.
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/// How many days run from `from` to `to`, counting both (1 for the same day).
export function inclusiveDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/// A moment as a China-time date and minute, `2025-03-02 09:00` (exports and staff lists).
export function chinaDateTime(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + chinaOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/// Every date from `from` to `to`, both included, in order.
export function* eachDay(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/// The same day `months` later (`2026-01-31` + 1 → `2026-02-28`: a month without that day
/// ends the period on its last day), as the law counts periods of months.
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
