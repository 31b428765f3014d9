import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors/index.js';
import { ackJobId, inboundJobId, openQueues, toJobError } from '../../../src/pipeline/index.js';
import { REDIS_URL } from './pipeline-harness.js';

describe('pipeline queues', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  afterAll(async () => {
    await redis.quit();
  });

  it('refuses a prefix that is not a Redis Cluster hash tag, naming QUEUE_PREFIX', () => {
    expect(() => openQueues(redis, 'edi')).toThrow(/QUEUE_PREFIX="edi" must be a Redis Cluster hash tag/);
    expect(() => openQueues(redis, '{edi}:x')).toThrow(GatewayError);
  });

  it('keeps every key of both queues under the hash tag', async () => {
    const queues = openQueues(redis, '{edi-keys}');
    try {
      expect(queues.inbound.toKey('wait')).toBe('{edi-keys}:inbound:wait');
      expect(queues.outbound.toKey('wait')).toBe('{edi-keys}:outbound:wait');
    } finally {
      await queues.close();
    }
  });

  it('derives job ids from the transmission and ISA13 alone', () => {
    expect(inboundJobId('t-1')).toBe('inbound-t-1');
    expect(ackJobId('t-1', '000000042')).toBe('ack-t-1-000000042');
  });

  it('turns a permanent GatewayError into UnrecoverableError and leaves others to be retried', () => {
    const permanent = new GatewayError('transport-refused', 'permission denied', { permanent: true });
    const converted = toJobError(permanent);
    expect(converted).toBeInstanceOf(UnrecoverableError);
    expect((converted as Error).message).toBe('transport-refused: permission denied');
    expect((converted as Error).cause).toBe(permanent);
    const transient = new GatewayError('store-unavailable', 'down', { permanent: false });
    expect(toJobError(transient)).toBe(transient);
    const unknown = new Error('boom');
    expect(toJobError(unknown)).toBe(unknown);
  });
});
