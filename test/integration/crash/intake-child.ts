/**
 * A process that takes the files of one partner's inbox as the gateway does (`pollInboxOnce` on
 * the partner's real transport, the real store and queues), except that it stops for good right
 * after the bytes are stored, before the file leaves the inbox: it prints `stored <name>` and
 * waits to be killed. Configured by environment like the gateway (DATABASE_URL, DATABASE_SCHEMA,
 * REDIS_URL, QUEUE_PREFIX, PARTNERS_DIR) plus PARTNER_ID.
 */
import { Redis } from 'ioredis';
import { PartnerRegistry } from '../../../src/partners/index.js';
import { createPartnerTransports, openQueues, pollInboxOnce } from '../../../src/pipeline/index.js';
import { createRepositories, openStore } from '../../../src/store/index.js';
import type { Transport } from '../../../src/transports/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const partners = PartnerRegistry.fromDirectory(env('PARTNERS_DIR'));
const partner = partners.get(env('PARTNER_ID'));
const store = await openStore(
  { DATABASE_URL: env('DATABASE_URL'), DATA_DIR: '' },
  { schema: env('DATABASE_SCHEMA'), poolSize: 2 },
);
const queues = openQueues(new Redis(env('REDIS_URL'), { maxRetriesPerRequest: null }), env('QUEUE_PREFIX'));
const real = createPartnerTransports({ folder: { settleMs: 0 }, sftp: { settleMs: 0 } }).forPartner(partner);
const stalled: Transport = {
  poll: () => real.poll(),
  take: (file) => real.take(file),
  acknowledgeTaken: (file) => {
    process.stdout.write(`stored ${file.name}\n`);
    return new Promise<void>(() => undefined);
  },
  deliver: (name, bytes) => real.deliver(name, bytes),
  close: () => real.close(),
};
const deps = { transmissions: createRepositories(store.orm).transmissions, queues };
for (;;) {
  await pollInboxOnce(stalled, partner, deps);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
