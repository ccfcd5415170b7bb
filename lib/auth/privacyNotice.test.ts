import { describe, expect, it } from 'vitest';
import { privacyNoticeEdition } from './privacyNotice';

describe('privacyNoticeEdition', () => {
  // Each consent stores the edition, and /privacy prints it: it names the notice by the day it
  // was issued, a real date in ISO form, not one still to come.
  it('is the ISO date of a day that has come', () => {
    expect(privacyNoticeEdition).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const day = new Date(`${privacyNoticeEdition}T00:00:00Z`);
    expect(day.toISOString().slice(0, 10)).toBe(privacyNoticeEdition);
    expect(day.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
