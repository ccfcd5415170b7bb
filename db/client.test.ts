import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './testing';
import { refusePostgresForNow } from './client';
import { users } from './schema';

describe('openDatabase', () => {
  const { db, file, cleanup } = freshDatabase();
  afterAll(cleanup);

  it('uses WAL, enforces foreign keys and waits when the file is busy', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(file).toMatch(/test\.db$/);
  });

  it('applies the committed migrations so the tables exist', () => {
    db.insert(users).values({ id: 'u1', email: 'a@b.c', name: 'A', passwordHash: 'x', role: 'public' }).run();
    expect(db.select().from(users).all()).toHaveLength(1);
  });

  it('refuses a session that points at no user', () => {
    expect(() =>
      db.$client
        .prepare('insert into sessions (id, user_id, secret_hash, created_at, expires_at) values (?, ?, ?, ?, ?)')
        .run('s1', 'nobody', 'h', 1, 2),
    ).toThrow(/FOREIGN KEY/);
  });
});

describe('refusePostgresForNow', () => {
  it('lets SQLite run when DATABASE_URL is unset or empty', () => {
    expect(() => refusePostgresForNow(undefined)).not.toThrow();
    expect(() => refusePostgresForNow('')).not.toThrow();
  });

  it('stops with a plain message, without the password, when DATABASE_URL names PostgreSQL', () => {
    expect(() => refusePostgresForNow('postgres://app:s3cret@db.example:5432/lawbench')).toThrow(/still runs on SQLite only[\s\S]*Unset DATABASE_URL/);
    expect(() => refusePostgresForNow('postgres://app:s3cret@db.example:5432/lawbench')).not.toThrow(/s3cret/);
  });
});
