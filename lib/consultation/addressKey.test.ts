import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressKey } from './addressKey';

describe('addressKey', () => {
  it('gives one address one key, which is not its plain SHA-256', () => {
    expect(addressKey('203.0.113.7')).toBe(addressKey('203.0.113.7'));
    expect(addressKey('203.0.113.7')).not.toBe(addressKey('203.0.113.8'));
    expect(addressKey('203.0.113.7')).not.toBe(createHash('sha256').update('203.0.113.7').digest('hex'));
  });

  it('counts IPv6 senders by their /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});

describe('addressKey on written forms', () => {
  it('reads compressed IPv6 and IPv4-mapped addresses as the same sender', () => {
    expect(addressKey('2001:db8::1')).toBe(addressKey('2001:0db8:0000:0000:ffff::2'));
    expect(addressKey('::ffff:203.0.113.7')).toBe(addressKey('203.0.113.7'));
  });
});
