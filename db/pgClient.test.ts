import { describe, expect, it } from 'vitest';
import { shownDatabaseUrl } from './pgClient';

describe('shownDatabaseUrl', () => {
  it('leaves out a password and nothing else', () => {
    expect(shownDatabaseUrl('postgres://app:s3cret@db.example:5432/lawbench')).toBe('postgres://app:…@db.example:5432/lawbench');
    expect(shownDatabaseUrl('postgres://lawbench@127.0.0.1:5432/lawbench')).toBe('postgres://lawbench@127.0.0.1:5432/lawbench');
    expect(shownDatabaseUrl('postgresql://db.example/lawbench')).toBe('postgresql://db.example/lawbench');
  });
});
