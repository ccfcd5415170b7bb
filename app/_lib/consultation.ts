import { inclusiveDays, todayInChina } from '@/lib/library';

/// Days left to comment, counting today and the closing day.
export function daysLeft(closesOn: string, today: string = todayInChina()): number {
  return Math.max(0, inclusiveDays(today, closesOn));
}
