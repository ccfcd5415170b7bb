import { todayInChina } from '@/lib/library';

/// Days left to comment, counting today and the closing day.
export function daysLeft(closesOn: string, today: string = todayInChina()): number {
  return Math.max(0, Math.round((Date.parse(closesOn) - Date.parse(today)) / 86_400_000) + 1);
}
