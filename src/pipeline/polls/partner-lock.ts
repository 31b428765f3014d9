import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deletes or extends the lock only while it still holds our token: a lock that lapsed and was
// taken by another process must not be released or extended by us.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/** A lock held by this process; it is extended in the background until released. */
export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Runs `work` while holding a Redis lock named `name`, so that across every process on the same
 * Redis only one runs it at a time. Answers `undefined` without running it when another process
 * holds the lock. The lock lapses `ttlMs` after its holder dies and is extended every third of
 * that while the work runs, so a long poll keeps it and a killed process frees it soon.
 *
 * @example
 * const stored = await whileLocked(redis, '{edi}:lock:poll-acme', 60_000, () => pollInboxOnce(...));
 */
export async function whileLocked<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const token = randomUUID();
  const taken = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (taken !== 'OK') return undefined;
  const timer = setInterval(
    () => {
      redis.eval(EXTEND, 1, key, token, String(ttlMs)).catch(() => undefined);
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
