import { randomBytes } from 'node:crypto';
import { openStore, type OpenedStore, type StoreOptions } from '../../../src/store/index.js';

/** The PostgreSQL the integration tests use; CI points it elsewhere with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name of its own for one test file, so files can run in parallel on one database. */
export function randomSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export function openPostgresStore(schema: string, options: StoreOptions = {}): Promise<OpenedStore> {
  return openStore({ DATABASE_URL: TEST_DATABASE_URL, DATA_DIR: 'unused' }, { ...options, schema });
}

/** Drops the store's schema with everything the tests left in it, then closes the store. */
export async function dropSchemaAndClose(store: OpenedStore): Promise<void> {
  try {
    const schema = store.orm.config.get('schema');
    if (schema === undefined || schema === 'public') throw new Error('refusing to drop the default schema');
    await store.orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  } finally {
    await store.close();
  }
}
