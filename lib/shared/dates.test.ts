import { describe, expect, it } from 'vitest';
import { addDays, addMonths, chinaDateTime, daysBetween, eachDay, inclusiveDays, todayInChina } from './dates';

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

describe('todayInChina', () => {
  it('turns the date at midnight Beijing time, not at midnight UTC', () => {
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

describe('chinaDateTime', () => {
  it('gives the date and minute in China for an instant or an ISO string', () => {
    expect(chinaDateTime('2025-03-02T01:00:00.000Z')).toBe('2025-03-02 09:00');
    expect(chinaDateTime(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01 00:30');
  });
});

describe('eachDay', () => {
  it('lists every date of a period, both ends included, across a month end', () => {
    expect([...eachDay('2024-02-28', '2024-03-01')]).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect([...eachDay('2024-03-02', '2024-03-01')]).toEqual([]);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, or ends on the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 4)).toBe('2026-07-15');
    expect(addMonths('2026-10-31', 4)).toBe('2027-02-28');
    expect(addMonths('2027-10-31', 4)).toBe('2028-02-29');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards', () => {
    expect(daysBetween('2026-12-01', '2026-12-06')).toBe(5);
    expect(daysBetween('2026-12-06', '2026-12-01')).toBe(-5);
  });
});
