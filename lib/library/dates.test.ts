import { describe, expect, it } from 'vitest';
import { addDays, inclusiveDays } from './dates';

describe('inclusiveDays', () => {
  it('counts both the first and the last day', () => {
    expect(inclusiveDays('2025-03-01', '2025-03-30')).toBe(30);
    expect(inclusiveDays('2025-03-01', '2025-03-01')).toBe(1);
    expect(inclusiveDays('2024-02-01', '2024-03-01')).toBe(30);
  });
});

describe('addDays', () => {
  it('moves across month and year ends, both ways', () => {
    expect(addDays('2026-11-27', 29)).toBe('2026-12-26');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
