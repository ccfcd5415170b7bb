import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safeReturnPath';

// Addresses an attacker puts in `?next=` to send someone to another site after signing in.
const attacks = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/%09/evil.example',
  '/\t/evil.example',
  '/%0A/x',
  '/\n/x',
  '/%0D%0ALocation:%20https://evil.example',
  'https:evil.example',
  'https://evil.example',
  'http:/evil.example',
  'javascript:alert(1)',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%E3%80%80/evil.example',
  '／／evil.example',
  ' /workspace',
  '/%ZZ',
  '',
];

describe('safeReturnPath', () => {
  it.each(attacks)('sends %j home instead', (payload) => {
    expect(safeReturnPath(payload, '/')).toBe('/');
  });

  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/bills/123/workflow', '/')).toBe('/bills/123/workflow');
    expect(safeReturnPath('/regulations?q=%E5%85%BB%E7%8A%AC&page=2#art-12', '/')).toBe('/regulations?q=%E5%85%BB%E7%8A%AC&page=2#art-12');
    expect(safeReturnPath('/regulations/舟山市养犬管理条例', '/')).toBe('/regulations/%E8%88%9F%E5%B1%B1%E5%B8%82%E5%85%BB%E7%8A%AC%E7%AE%A1%E7%90%86%E6%9D%A1%E4%BE%8B');
  });

  it('refuses what is not a string', () => {
    expect(safeReturnPath(undefined, '/workspace')).toBe('/workspace');
    expect(safeReturnPath(['/x'], '/')).toBe('/');
  });
});
