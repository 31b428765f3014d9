import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { runInboxPoll, type PartnerTransports } from '../../../src/pipeline/index.js';
import type { Transport } from '../../../src/transports/index.js';
import { REDIS_URL, startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { purchaseOrder850 } from '../pipeline/sample-850.js';

/** The harness's transport, with every poll held until `release` is called. */
function heldPolls(h: Harness): { transports: PartnerTransports; release: () => void; polls: () => number } {
  let release = () => undefined as void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let polls = 0;
  const real = h.transports.forPartner(h.partner);
  const held: Transport = {
    ...real,
    poll: async () => {
      polls += 1;
      await gate;
      return real.poll();
    },
    take: (file) => real.take(file),
    acknowledgeTaken: (file) => real.acknowledgeTaken(file),
  };
  return {
    transports: {
      forPartner: () => held,
      marketplaceFor: (partner) => h.transports.marketplaceFor(partner),
      close: () => Promise.resolve(),
    },
    release,
    polls: () => polls,
  };
}

describe('inbox polls across processes', () => {
  let harness: Harness | undefined;
  const connections: Redis[] = [];
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((redis) => redis.quit()));
    await harness?.dispose();
    harness = undefined;
  });

  it('polls a partner in one process at a time: a second poll while one runs is skipped', async () => {
    const h = (harness = await startHarness());
    await writeFile(join(h.inbox, 'po-901.edi'), purchaseOrder850(901));
    const { transports, release, polls } = heldPolls(h);
    // Two processes: each its own Redis connection, the same Redis and queue prefix.
    const [first, second] = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    connections.push(first, second);
    const intake = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
    const running = runInboxPoll(h.partner.id, { redis: first, partners: h.partners, transports, intake });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const meanwhile = await runInboxPoll(h.partner.id, {
      redis: second,
      partners: h.partners,
      transports,
      intake,
    });
    expect(meanwhile).toEqual({ status: 'skipped', reason: 'another process is polling it' });
    release();
    expect(await running).toMatchObject({ status: 'polled', alreadyStored: [] });
    expect(polls()).toBe(1);
    // Once the first is over, the other process polls again.
    const after = await runInboxPoll(h.partner.id, {
      redis: second,
      partners: h.partners,
      transports,
      intake,
    });
    expect(after.status).toBe('polled');
  });

  it('frees the lock of a process that died holding it once its time is up', async () => {
    const h = (harness = await startHarness());
    const redis = new Redis(REDIS_URL);
    connections.push(redis);
    // What a killed process leaves: the lock, no one to extend or release it.
    await redis.set(`${h.prefix}:lock:poll-${h.partner.id}`, 'dead-process', 'PX', 300);
    const intake = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
    const deps = { redis, partners: h.partners, transports: h.transports, intake };
    expect((await runInboxPoll(h.partner.id, deps)).status).toBe('skipped');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await runInboxPoll(h.partner.id, deps)).status).toBe('polled');
  });

  it('skips a scheduler left by an older configuration, naming the partner', async () => {
    const h = (harness = await startHarness());
    const redis = new Redis(REDIS_URL);
    connections.push(redis);
    const intake = { transmissions: h.repositories.transmissions, queues: h.pipeline.queues };
    const outcome = await runInboxPoll('gone-partner', {
      redis,
      partners: h.partners,
      transports: h.transports,
      intake,
    });
    expect(outcome).toEqual({ status: 'skipped', reason: 'no partner gone-partner is configured' });
  });
});
