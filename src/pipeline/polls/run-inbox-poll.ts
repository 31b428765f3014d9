import type { Redis } from 'ioredis';
import type { PartnerRegistry } from '../../partners/index.js';
import { pollInboxOnce, type InboxPass, type IntakeDeps } from '../intake.js';
import { pullMarketplaceOnce, type MarketplacePullDeps } from '../marketplaces/pull-orders.js';
import type { PartnerTransports } from '../partner-transports.js';
import { whileLocked } from './partner-lock.js';

export interface InboxPollDeps {
  redis: Redis;
  partners: PartnerRegistry;
  transports: PartnerTransports;
  /** With the cursor store and references, marketplace accounts are pulled as well. */
  intake: IntakeDeps | MarketplacePullDeps;
  /** How long a poll's lock outlives a process that died holding it. Default 60 s. */
  lockTtlMs?: number;
  /** Aborted when the process stops: a poll under way takes no further file. */
  stop?: AbortSignal;
}

/** What a `polls` job did. */
export type InboxPollOutcome = ({ status: 'polled' } & InboxPass) | { status: 'skipped'; reason: string };

const DEFAULT_LOCK_TTL_MS = 60_000;

/**
 * Runs one poll of a partner's inbox (one pull of a marketplace account), unless another process is polling it right now: a poll
 * slower than the interval must not overlap the next one, whichever process takes that job.
 * A partner that is no longer configured (a scheduler left over by an older configuration) is
 * skipped with the reason.
 *
 * @example
 * const outcome = await runInboxPoll('bigbox-retail', { redis, partners, transports, intake });
 */
export async function runInboxPoll(partnerId: string, deps: InboxPollDeps): Promise<InboxPollOutcome> {
  const partner = deps.partners.byId(partnerId);
  if (partner === undefined) return { status: 'skipped', reason: `no partner ${partnerId} is configured` };
  if (!partner.enabled) return { status: 'skipped', reason: `partner ${partnerId} is disabled` };
  const key = `${deps.intake.queues.prefix}:lock:poll-${partnerId}`;
  const { intake } = deps;
  const pass = await whileLocked(deps.redis, key, deps.lockTtlMs ?? DEFAULT_LOCK_TTL_MS, () => {
    if (partner.kind === 'x12')
      return pollInboxOnce(deps.transports.forPartner(partner), partner, intake, deps.stop);
    if (!('marketplaceCursors' in intake)) {
      throw new Error(
        `partner ${partnerId} is a marketplace account, and this process has no cursor store to pull it with`,
      );
    }
    return pullMarketplaceOnce(deps.transports.marketplaceFor(partner), partner, intake, deps.stop);
  });
  if (pass === undefined) return { status: 'skipped', reason: 'another process is polling it' };
  return { status: 'polled', ...pass };
}
