import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { MikroORM, Options } from '@mikro-orm/core';
import { MikroORM as LibSqlORM } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as PostgreSqlORM } from '@mikro-orm/postgresql';
import type { GatewayConfig } from '../config/index.js';
import { storeEntities } from './entities/index.js';
import { migrationsByDialect } from './migrations/index.js';
import { guard, storeError } from './store-error.js';

export type StoreDialect = 'postgresql' | 'libsql';

/** The part of the gateway configuration the store reads. */
export type StoreConfig = Pick<GatewayConfig, 'DATABASE_URL' | 'DATA_DIR'>;

export interface StoreOptions {
  /** PostgreSQL schema that holds every table (created when missing). Default `public`. */
  schema?: string;
  /** Most connections the pool opens (at least 2). Default 10. */
  poolSize?: number;
  /** libsql file name inside `DATA_DIR`. Default `gateway.db`. */
  fileName?: string;
}

export interface OpenedStore {
  readonly orm: MikroORM;
  readonly dialect: StoreDialect;
  /** Closes every connection; the store cannot be used afterwards. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Connects to the gateway's database and brings its tables up to date: PostgreSQL when
 * `DATABASE_URL` is set, otherwise an embedded libsql file under `DATA_DIR`. Running it again on
 * an up-to-date database changes nothing.
 *
 * @example
 * const store = await openStore(loadConfig(process.env));
 * const repositories = createRepositories(store.orm);
 * await store.close();
 *
 * @example
 * // One schema per test file on a shared PostgreSQL database.
 * const store = await openStore({ DATABASE_URL: 'postgres://postgres@127.0.0.1/test', DATA_DIR: '' }, { schema: 'store_ab12' });
 */
export async function openStore(config: StoreConfig, options: StoreOptions = {}): Promise<OpenedStore> {
  const dialect: StoreDialect = config.DATABASE_URL === undefined ? 'libsql' : 'postgresql';
  const orm = await guard('opening the store', () => connect(dialect, config, options));
  try {
    await guard('migrating the store', () => migrate(orm, dialect));
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return { orm, dialect, close: () => orm.close(true) };
}

async function connect(dialect: StoreDialect, config: StoreConfig, options: StoreOptions): Promise<MikroORM> {
  const common: Options = {
    entities: storeEntities,
    extensions: [Migrator],
    // Every repository call forks its own entity manager; the global one must never collect state.
    allowGlobalContext: false,
    // Two at least: migrating holds one connection for its lock while the migrator uses another.
    pool: { min: 0, max: Math.max(2, options.poolSize ?? 10) },
    migrations: {
      migrationsList: migrationsByDialect[dialect],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  };
  if (dialect === 'postgresql') {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) {
      throw storeError(
        'store-invalid',
        `schema ${JSON.stringify(schema)} must be a plain SQL identifier`,
        true,
      );
    }
    // Never create the database: a misspelt name in DATABASE_URL must be an error naming it, not a
    // new empty database the gateway then runs on.
    return PostgreSqlORM.init({ ...common, clientUrl: config.DATABASE_URL, schema, ensureDatabase: false });
  }
  const dataDir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(config.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  return LibSqlORM.init({
    ...common,
    dbName: join(dataDir, options.fileName ?? 'gateway.db'),
    // libsql runs statements synchronously: a connection waiting for SQLite's write lock blocks
    // the event loop, so the connection holding the lock in the same process can never finish,
    // and concurrent jobs fail with "database is locked". One connection makes the pool queue
    // them instead. The busy timeout is for other processes (a CLI next to `serve`).
    pool: { min: 0, max: 1 },
    driverOptions: { connection: { timeout: LIBSQL_BUSY_TIMEOUT_MS } },
  });
}

/** How long a libsql connection waits for another process's write lock before failing. */
const LIBSQL_BUSY_TIMEOUT_MS = 5_000;

/**
 * Applies pending migrations. On PostgreSQL an advisory lock held for the duration serialises
 * processes that start together (API and workers), which would otherwise both try to create the
 * same tables; SQLite serialises writers by itself.
 */
async function migrate(orm: MikroORM, dialect: StoreDialect): Promise<void> {
  const migrator = orm.getMigrator();
  if (dialect === 'libsql') {
    await migrator.up();
    return;
  }
  const connection = orm.em.getConnection();
  const schema = orm.config.get('schema') ?? 'public';
  await connection.transactional(async (trx) => {
    await connection.execute(
      'select pg_advisory_xact_lock(hashtext(?))',
      [`edi-gateway:${schema}`],
      'all',
      trx,
    );
    await migrator.up();
  });
}
