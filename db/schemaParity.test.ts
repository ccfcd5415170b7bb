import { describe, expect, expectTypeOf, it } from 'vitest';
import { getTableName, is, Table } from 'drizzle-orm';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import * as sqlite from './schema';
import * as postgres from './schema-pg';

// The two engines' schemas are written twice (drizzle has no schema shared by two dialects);
// this file is what keeps them one description: same tables, columns, keys and indexes, and the
// same TypeScript row types, so domain code cannot tell which engine it runs on.

type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type Rows<S, Kind extends '$inferSelect' | '$inferInsert'> = { [K in keyof Tables<S>]: Tables<S>[K] extends { [P in Kind]: infer R } ? R : never };

/// What a column is, in words both engines share.
function kindOf(columnType: string, sqlType: string): string {
  const kinds: Record<string, string> = {
    SQLiteText: 'text',
    PgText: 'text',
    SQLiteTextJson: 'json',
    PgJsonb: 'json',
    PgJson: 'json',
    SQLiteInteger: 'integer',
    PgInteger: 'integer',
    PgBigInt53: 'integer',
    PgSmallInt: 'integer',
    SQLiteTimestamp: 'moment',
    PgTimestamp: 'moment',
    SQLiteBoolean: 'boolean',
    PgBoolean: 'boolean',
    SQLiteBlobBuffer: 'bytes',
    SQLiteReal: 'real',
    PgDoublePrecision: 'real',
    PgReal: 'real',
  };
  if (columnType === 'PgCustomColumn' && sqlType === 'bytea') return 'bytes';
  return kinds[columnType] ?? `unmapped ${columnType} (${sqlType})`;
}

/// What the parity check reads of a table, as both dialects' `getTableConfig` give it.
type TableShape = {
  columns: { name: string; columnType: string; getSQLType(): string; notNull: boolean; primary: boolean; hasDefault: boolean; isUnique: boolean; enumValues?: readonly string[] }[];
  primaryKeys: { columns: { name: string }[] }[];
  uniqueConstraints: { columns: { name: string }[] }[];
  foreignKeys: { reference(): { columns: { name: string }[]; foreignTable: Table; foreignColumns: { name: string }[] }; onDelete?: string; onUpdate?: string }[];
  indexes: { config: { name?: string; unique: boolean; columns: unknown[]; where?: unknown } }[];
};

/// A table in words both engines share: what the two schemas must agree on.
function describeTable(c: TableShape) {
  const nameOf = (col: unknown) => (col && typeof col === 'object' && 'name' in col && typeof col.name === 'string' ? col.name : 'expression');
  return {
    columns: c.columns.map((col) => ({ name: col.name, kind: kindOf(col.columnType, col.getSQLType()), notNull: col.notNull, primary: col.primary, hasDefault: col.hasDefault, unique: col.isUnique, enumValues: col.enumValues ?? null })),
    primaryKeys: c.primaryKeys.map((pk) => pk.columns.map((col) => col.name)),
    uniques: c.uniqueConstraints.map((u) => u.columns.map((col) => col.name)).sort(),
    foreignKeys: c.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        return { columns: r.columns.map((col) => col.name), table: getTableName(r.foreignTable), foreignColumns: r.foreignColumns.map((col) => col.name), onDelete: fk.onDelete ?? 'no action', onUpdate: fk.onUpdate ?? 'no action' };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: c.indexes
      .map((i) => ({ name: i.config.name ?? '', unique: i.config.unique, columns: i.config.columns.map(nameOf), partial: i.config.where !== undefined }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

const sqliteTables = new Map(Object.values(sqlite as Record<string, unknown>).filter((v): v is SQLiteTable => is(v, SQLiteTable)).map((t) => [getTableName(t), t]));
const pgTables = new Map(Object.values(postgres as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable)).map((t) => [getTableName(t), t]));

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables, exported under the same names', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    const exported = (schema: object, kind: typeof SQLiteTable | typeof PgTable) => Object.entries(schema).filter(([, v]) => is(v, kind)).map(([k]) => k).sort();
    expect(exported(postgres, PgTable)).toEqual(exported(sqlite, SQLiteTable));
    expect(sqliteTables.size).toBeGreaterThan(30);
  });

  it.each([...sqliteTables.keys()].sort())('describe %s alike: columns in order with kind, NOT NULL, defaults and enums; keys; foreign keys; indexes', (name) => {
    const pgTable = pgTables.get(name);
    expect(pgTable, `table ${name} in db/schema-pg`).toBeDefined();
    expect(describeTable(pgConfig(pgTable!) as TableShape)).toEqual(describeTable(sqliteConfig(sqliteTables.get(name)!) as TableShape));
  });

  it('give domain code the same row types', () => {
    expectTypeOf<Rows<typeof postgres, '$inferSelect'>>().toEqualTypeOf<Rows<typeof sqlite, '$inferSelect'>>();
    expectTypeOf<Rows<typeof postgres, '$inferInsert'>>().toEqualTypeOf<Rows<typeof sqlite, '$inferInsert'>>();
  });

  it('tells the kinds apart (a column of another kind would be caught)', () => {
    expect(kindOf('SQLiteText', 'text')).not.toBe(kindOf('SQLiteInteger', 'integer'));
    expect(kindOf('PgCustomColumn', 'bytea')).toBe(kindOf('SQLiteBlobBuffer', 'blob'));
    expect(kindOf('PgVarchar', 'varchar')).toMatch(/^unmapped/);
  });
});
