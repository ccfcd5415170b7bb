import { sql, type SQL } from 'drizzle-orm';
import { executeOnPostgres, type Engine } from '@/db/engine';

// The two helpers lib/search's PostgreSQL statements are written with.

/// The rows of a statement run on PostgreSQL (its own SQL, through `executeOnPostgres`).
export const run = async <Row>(engine: Engine, query: SQL): Promise<Row[]> => ((await executeOnPostgres(engine, query)) as { rows: Row[] }).rows;

/// One array parameter of a PostgreSQL type (drizzle would spread a plain array into a list of
/// parameters).
export const array = (values: readonly unknown[], type: 'text' | 'int4' | 'int8' | 'float8') => sql`${sql.param(values)}::${sql.raw(type)}[]`;
