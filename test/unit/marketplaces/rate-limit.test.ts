import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, TokenBucket } from '../../../src/marketplaces/index.js';

/** A clock the test moves by hand. */
function clock(start = 0): { now: () => number; advance: (ms: number) => void } {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

describe('marketplace rate limits', () => {
  it('lets a burst of 20 go at once, then one request per minute at 0.0167/s (SP-API getOrders)', () => {
    const time = clock();
    const bucket = new TokenBucket(1 / 60, 20, time.now);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    expect(bucket.delayMs()).toBe(60_000);
    time.advance(30_000);
    expect(bucket.delayMs()).toBe(30_000);
    time.advance(30_000);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('refills no further than the burst, however long it rested', () => {
    const time = clock();
    const bucket = new TokenBucket(1, 3, time.now);
    time.advance(3_600_000);
    for (let i = 0; i < 3; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('holds every request until a 429’s Retry-After, then starts from an empty bucket', () => {
    const time = clock();
    const bucket = new TokenBucket(1, 20, time.now);
    bucket.hold(retryAfterMs('5', new Date(time.now())) ?? 0);
    expect(bucket.delayMs()).toBe(5_000);
    time.advance(5_000);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('follows the rate an answer’s header gives, and ignores one that is not a positive number', () => {
    const time = clock();
    const bucket = new TokenBucket(1, 1, time.now);
    expect(bucket.take()).toBe(true);
    bucket.adjustRate(0.5);
    expect(bucket.delayMs()).toBe(2_000);
    bucket.adjustRate(Number.NaN);
    bucket.adjustRate(0);
    expect(bucket.delayMs()).toBe(2_000);
  });

  it('reads Retry-After as seconds or as an HTTP date, and nothing else', () => {
    const now = new Date('2026-12-05T12:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('2.0', now)).toBe(2_000);
    expect(retryAfterMs('0.25', now)).toBe(250);
    expect(retryAfterMs('Sat, 05 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 05 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, 1_000, 5_000, () => 0.999))).toEqual([
      999, 1_998, 3_996, 4_995,
    ]);
    expect(backoffMs(10, 1_000, 60_000, () => 0)).toBe(0);
  });
});
