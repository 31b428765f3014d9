import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRedis, redisSettingWarnings } from '../../../src/cli/gateway-runtime.js';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('Redis settings at start', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await redis.quit();
  });

  it('warns about the settings this Redis really has, read with CONFIG GET', async () => {
    const value = async (name: string) => ((await redis.config('GET', name)) as string[])[1] ?? '';
    const expected = redisSettingWarnings({
      maxmemoryPolicy: await value('maxmemory-policy'),
      appendonly: await value('appendonly'),
      appendfsync: await value('appendfsync'),
    });
    expect(await checkRedis(REDIS_URL)).toEqual(expected);
  });

  it('says nothing for noeviction with an append-only file synced every second', () => {
    expect(
      redisSettingWarnings({ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'everysec' }),
    ).toEqual([]);
  });

  it('names an evicting policy, a missing append-only file, a lax fsync, and a refused CONFIG', () => {
    expect(
      redisSettingWarnings({ maxmemoryPolicy: 'allkeys-lru', appendonly: 'no', appendfsync: 'everysec' }),
    ).toEqual([
      'Redis maxmemory-policy is allkeys-lru: BullMQ needs noeviction, or Redis may drop queued jobs when memory runs short',
      'Redis keeps no append-only file (appendonly no): a restart of Redis loses the queued jobs; appendonly yes with appendfsync everysec is recommended',
    ]);
    expect(
      redisSettingWarnings({ maxmemoryPolicy: 'noeviction', appendonly: 'yes', appendfsync: 'no' }),
    ).toEqual([
      'Redis appendfsync is no: a crash of its machine may lose recent jobs; everysec is recommended',
    ]);
    expect(redisSettingWarnings({ refused: "ERR unknown command 'CONFIG'" })).toEqual([
      "cannot read the Redis settings (ERR unknown command 'CONFIG'): make sure maxmemory-policy is noeviction and appendonly is yes",
    ]);
  });
});
