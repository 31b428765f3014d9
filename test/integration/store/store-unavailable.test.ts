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
});
