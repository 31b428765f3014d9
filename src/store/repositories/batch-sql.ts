import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * Raw SQL for the set-based statements of batches (one statement for many rows), written once
 * for both databases: PostgreSQL and SQLite (3.33+) both take `update ... from (values ...)`,
 * name a VALUES list's columns `column1`, `column2`..., and read double-quoted identifiers.
 * Where they differ (JSON is `jsonb` on PostgreSQL and text on SQLite; SQLite keeps dates as
 * epoch milliseconds), the platform says which. The ORM's own queries cost 0.3-1 ms of CPU each
 * to build and hydrate; these are the statements a batch of orders runs for every order.
 */
export class BatchSql {
  readonly postgres: boolean;

  constructor(private readonly orm: MikroORM) {
    this.postgres = orm.em.getPlatform() instanceof PostgreSqlPlatform;
  }

  q(name: string): string {
    return this.orm.em.getPlatform().quoteIdentifier(name);
  }

  /** The entity's table, schema-qualified when the store has a schema. */
  table(entity: EntitySchema<never>): string {
    const meta = this.orm.getMetadata().get(entity.meta.className);
    const schema = meta.schema ?? this.orm.config.get('schema');
    const name = this.q(meta.tableName);
    return schema === undefined || !this.postgres ? name : `${this.q(schema)}.${name}`;
  }

  /** A JSON value's text, as the column takes it. */
  json(expression: string): string {
    return this.postgres ? `cast(${expression} as jsonb)` : expression;
  }

  numeric(expression: string): string {
    return `cast(${expression} as numeric)`;
  }

  /** A date as a parameter the column takes. */
  date(value: Date): unknown {
    return this.orm.em.getPlatform().processDateProperty(value);
  }

  /** `(values (?, ?), (?, ?)) as v` and its parameters, for rows of equal width. */
  values(rows: readonly (readonly unknown[])[]): { sql: string; params: unknown[] } {
    const width = rows[0]?.length ?? 0;
    const one = `(${Array.from({ length: width }, () => '?').join(', ')})`;
    return { sql: `(values ${rows.map(() => one).join(', ')}) as v`, params: rows.flat() };
  }

  /** Runs a statement in `em`'s transaction; rows for `all`, the affected count for `run`. */
  async all<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
    const rows: unknown = await em
      .getConnection()
      .execute(sql, [...params], 'all', em.getTransactionContext());
    return rows as T[];
  }

  async run(em: EntityManager, sql: string, params: readonly unknown[]): Promise<number> {
    const result: unknown = await em
      .getConnection()
      .execute(sql, [...params], 'run', em.getTransactionContext());
    return Number((result as { affectedRows?: unknown }).affectedRows ?? 0);
  }
}

/**
 * Splits rows so that no statement passes the drivers' parameter limits (PostgreSQL 65,535,
 * SQLite 32,766), still inside one transaction.
 *
 * @example
 * for (const part of chunks(rows, 6)) await em.insertMany(Schema, part);
 */
export function chunks<T>(rows: readonly T[], paramsPerRow: number, limit = 30_000): T[][] {
  const size = Math.max(1, Math.floor(limit / Math.max(1, paramsPerRow)));
  const parts: T[][] = [];
  for (let i = 0; i < rows.length; i += size) parts.push(rows.slice(i, i + size));
  return parts;
}
