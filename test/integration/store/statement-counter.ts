import { createRequire } from 'node:module';
import type { StoreDialect } from '../../../src/store/index.js';

const require = createRequire(import.meta.url);

/** Runs a call and counts the SQL statements it sent, transaction begin and commit included. */
export type StatementCounter = <T>(call: () => Promise<T>) => Promise<{ result: T; statements: number }>;

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Counts calls of one of the driver's own methods while `call` runs: `pg`'s `Client#query` and
 * libsql's `Database#prepare` each see every statement once, whether the ORM or raw SQL sent it.
 * The method is restored afterwards.
 *
 * @example
 * const { statements } = await statementCounter('postgresql')(() => orders.createMany(batch));
 */
export function statementCounter(dialect: StoreDialect): StatementCounter {
  const target =
    dialect === 'postgresql'
      ? (require('pg') as { Client: { prototype: Record<string, unknown> } }).Client.prototype
      : (require('libsql') as { prototype: Record<string, unknown> }).prototype;
  const name = dialect === 'postgresql' ? 'query' : 'prepare';
  return async (call) => {
    const original = target[name] as Method;
    let statements = 0;
    target[name] = function counted(this: unknown, ...args: unknown[]): unknown {
      statements++;
      return original.apply(this, args);
    };
    try {
      const result = await call();
      return { result, statements };
    } finally {
      target[name] = original;
    }
  };
}
