import { createHash } from 'node:crypto';
import type { PartnerConfig, PartnerRegistry } from '../../partners/index.js';
import type { PipelineQueues } from '../queues.js';

/** One partner whose inbox is collected on a schedule. */
export interface InboxPoll {
  readonly partnerId: string;
  readonly intervalMs: number;
  /** Where in each interval the poll falls, so partners with the same interval are spread out. */
  readonly offsetMs: number;
}

/** Who is polled, and a sentence for each enabled partner that is not. */
export interface InboxPollPlan {
  polls: InboxPoll[];
  skipped: string[];
}

/** The transports whose inbox the gateway collects: the partner pushes nothing to us. */
const POLLED_TRANSPORTS = new Set(['folder', 'sftp']);

/** The job scheduler id of a partner's poll; the prefix marks the ones the gateway owns. */
export const pollSchedulerId = (partnerId: string): string => `poll-${partnerId}`;

/**
 * Plans a poll for each enabled partner on a folder or SFTP transport, at its `pollSeconds`, and
 * a pull for each marketplace account, at its `pollMinutes` (or
 * `intervalMs` for every partner, in tests). The offset within the interval is derived from the
 * partner id: stable across restarts and processes, different between partners.
 *
 * @example
 * const { polls, skipped } = planInboxPolls(registry);
 */
export function planInboxPolls(partners: PartnerRegistry, intervalMs?: number): InboxPollPlan {
  const plan: InboxPollPlan = { polls: [], skipped: [] };
  for (const partner of partners.all()) {
    const seconds = pollSecondsOf(partner);
    if (typeof seconds === 'string') {
      plan.skipped.push(`partner ${partner.id}: ${seconds}`);
      continue;
    }
    const interval = intervalMs ?? seconds * 1000;
    plan.polls.push({ partnerId: partner.id, intervalMs: interval, offsetMs: spread(partner.id, interval) });
  }
  return plan;
}

/**
 * Puts the plan into Redis as BullMQ job schedulers, one per partner: every process on the same
 * Redis sees the same schedule, and each poll job is run by one of them. Schedulers of partners
 * no longer polled (removed, disabled, moved to another transport) are removed.
 *
 * @example
 * await schedulePolls(queues, planInboxPolls(registry));
 */
export async function schedulePolls(queues: PipelineQueues, plan: InboxPollPlan): Promise<void> {
  const wanted = new Set(plan.polls.map((poll) => pollSchedulerId(poll.partnerId)));
  for (const existing of await queues.polls.getJobSchedulers(0, -1)) {
    if (!wanted.has(existing.key)) await queues.polls.removeJobScheduler(existing.key);
  }
  for (const poll of plan.polls) {
    await queues.polls.upsertJobScheduler(
      pollSchedulerId(poll.partnerId),
      { every: poll.intervalMs, ...(poll.offsetMs > 0 ? { offset: poll.offsetMs } : {}) },
      { name: 'poll', data: { partnerId: poll.partnerId } },
    );
  }
}

function pollSecondsOf(partner: PartnerConfig): number | string {
  if (!partner.enabled) return 'disabled, not polled';
  if (partner.kind === 'marketplace') return partner.transport.pollMinutes * 60;
  const { transport } = partner;
  if (!POLLED_TRANSPORTS.has(transport.type)) {
    return transport.type === 'http'
      ? 'posts its files to POST /api/partners/:id/transmissions, not polled'
      : transport.type === 'as2'
        ? 'posts its AS2 messages to POST /as2, not polled'
        : `the ${transport.type} transport is not available yet, not polled`;
  }
  return 'pollSeconds' in transport ? transport.pollSeconds : 60;
}

function spread(partnerId: string, intervalMs: number): number {
  // Short intervals (tests) are not worth spreading; a fraction of a second apart is enough.
  if (intervalMs < 5_000) return 0;
  const hash = createHash('sha256').update(partnerId).digest().readUInt32BE(0);
  return hash % intervalMs;
}
