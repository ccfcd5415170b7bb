import { inclusiveDays, todayInChina } from '@/lib/shared';

/// Days left to comment, counting today and the closing day.
export function daysLeft(closesOn: string, today: string = todayInChina()): number {
  return Math.max(0, inclusiveDays(today, closesOn));
}
