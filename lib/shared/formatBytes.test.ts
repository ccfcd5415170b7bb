import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('names limits the way people read them', () => {
    expect(formatBytes(64 * 1024)).toBe('64 KB');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(512)).toBe('512 bytes');
  });
});
