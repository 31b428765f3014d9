import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../../src/errors/index.js';
import { openStore } from '../../../src/store/index.js';

describe('a database that cannot be reached', () => {
  it('fails with store-unavailable, which a retry may cure', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error: unknown = await openStore(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test', DATA_DIR: 'unused' },
      { schema: 'unreachable' },
    ).catch((e: unknown) => e);
    expect(isGatewayError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'store-unavailable', permanent: false, status: 503 });
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const error: unknown = await openStore(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATA_DIR: 'unused' },
      { schema: 'x"; drop table y; --' },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store-invalid', permanent: true });
  });

  it('never creates a database that DATABASE_URL names but that does not exist', async () => {
    const misspelt = `edi_misspelt_${process.pid}`;
    const error: unknown = await openStore(
      { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${misspelt}`, DATA_DIR: 'unused' },
      { schema: 'missing_database' },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store-unavailable', permanent: true });
    expect((error as Error).message).toContain(
      `database "${misspelt}" does not exist; create it, or correct the database name in DATABASE_URL`,
    );
    const databases = execFileSync(
      'psql',
      ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test', '-Atc', 'select datname from pg_database'],
      {
        encoding: 'utf8',
      },
    );
    expect(databases.split('\n')).not.toContain(misspelt);
  });
});
