import { describe, expect, it } from 'vitest';
import { collabEnv } from './collabEnv';

describe('collabEnv', () => {
  it('has defaults for a lone instance', () => {
    expect(collabEnv({})).toEqual({ port: 1234, host: '0.0.0.0', redisUrl: undefined, timing: {} });
  });

  it('reads the port, REDIS_URL and the compaction threshold; an empty variable counts as unset', () => {
    expect(collabEnv({ COLLAB_PORT: '4001', REDIS_URL: 'redis://127.0.0.1:6380', COLLAB_COMPACT_AFTER_UPDATES: '50', COLLAB_HOST: '' })).toEqual({
      port: 4001,
      host: '0.0.0.0',
      redisUrl: 'redis://127.0.0.1:6380',
      timing: { compactAfterUpdates: 50 },
    });
  });

  it('stops with the variable named when a value is wrong', () => {
    expect(() => collabEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => collabEnv({ COLLAB_PORT: 'eighty' })).toThrow(/COLLAB_PORT/);
    expect(() => collabEnv({ COLLAB_COMPACT_AFTER_UPDATES: '0' })).toThrow(/COLLAB_COMPACT_AFTER_UPDATES/);
    expect(() => collabEnv({ DATABASE_URL: 'mysql://db.example/lawbench' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
  });

  it('reads DATABASE_URL, for drafts kept in PostgreSQL', () => {
    expect(collabEnv({ DATABASE_URL: 'postgres://app@db.example:5432/lawbench' }).databaseUrl).toBe('postgres://app@db.example:5432/lawbench');
    expect(collabEnv({ DATABASE_URL: 'postgresql://db.example/lawbench' }).databaseUrl).toBe('postgresql://db.example/lawbench');
    expect(collabEnv({ DATABASE_URL: '' })).not.toHaveProperty('databaseUrl');
  });
});
