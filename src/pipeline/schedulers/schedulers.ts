import { createLogger, type Logger } from '../../observability/index.js';
import type { PartnerRegistry } from '../../partners/index.js';
import type { AuditLog, Repositories, TransmissionStore } from '../../store/index.js';
import type { PipelineQueues } from '../queues.js';
import type { OverdueAckDeps } from '../reconciliation/index.js';
import { planInboxPolls, schedulePolls } from '../polls/inbox-poll-plan.js';
import { overdueAckTask } from './overdue-ack-task.js';
import { requeueStaleReceived } from './received-sweep.js';
import { strandedOutboundTask } from './stranded-outbound-sweep.js';
import { startRepeatingTask, type RunningTask, type ScheduledTask } from './repeating-task.js';

export interface SchedulerOptions {
  partners: PartnerRegistry;
  transmissions: TransmissionStore;
  queues: PipelineQueues;
  /** Every inbox poll's interval instead of the partners' `pollSeconds` (tests). */
  pollIntervalMs?: number;
  /** How often `received` transmissions are swept. Default 30 s. */
  sweepIntervalMs?: number;
  /** How long a transmission may stay `received` before the sweep queues it again. Default 60 s. */
  receivedMaxAgeMs?: number;
  /** When given, groups partners have not acknowledged in time are flagged periodically. */
  overdueAcks?: OverdueAckDeps & { repositories: Pick<Repositories, 'as2Messages'> };
  /** Default 5 minutes. */
  overdueAckIntervalMs?: number;
  /** When given, outbound transmissions left `processed` with no job are queued again (actor `system`). */
  audit?: AuditLog;
  /** How long a transmission may sit `processed` with no job before that sweep takes it. Default 10 min. */
  strandedAfterMs?: number;
  /** More periodic work run under the same rules (no overlap, errors reported, stopped on close). */
  extraTasks?: readonly ScheduledTask[];
  now?: () => Date;
  /**
   * Where runs that did something, failed or work again are logged with the task's name.
   * Default: a logger at `info` on stderr.
   */
  logger?: Logger;
  /** One human line per run that did something, besides the logger's. Default: none. */
  log?: (line: string) => void;
  /** A failed run, besides the logger's line. Default: none. */
  onError?: (task: string, error: unknown) => void;
}

export interface Schedulers {
  /** The names of the running tasks, inbox polls first. */
  readonly tasks: readonly string[];
  /** Lines saying which partners are not polled and why. */
  readonly skipped: readonly string[];
  /** Stops every timer and waits for runs in progress. */
  close(): Promise<void>;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;
export const DEFAULT_RECEIVED_MAX_AGE_MS = 60_000;

/**
 * Starts the gateway's timers: the poll of each folder or SFTP partner's inbox (a BullMQ job
 * scheduler per partner, so that whichever process on the same Redis takes a poll job, each
 * partner is polled by one process at a time), the sweep that queues again transmissions stored
 * but never queued, the flagging of overdue acknowledgements (with `overdueAcks`), and any
 * `extraTasks`. `serve` starts them; any number of processes may, the polls stay single.
 *
 * @example
 * const schedulers = await startSchedulers({ partners, transmissions, queues: pipeline.queues });
 * await schedulers.close();
 */
export async function startSchedulers(options: SchedulerOptions): Promise<Schedulers> {
  const logger = options.logger ?? createLogger({ level: 'info' });
  const log = (line: string) => {
    logger.info(line);
    options.log?.(line);
  };
  const onError = (task: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ task, err: error }, `${task} failed: ${message}`);
    options.onError?.(task, error);
  };
  const deps = { transmissions: options.transmissions, queues: options.queues };
  const maxAgeMs = options.receivedMaxAgeMs ?? DEFAULT_RECEIVED_MAX_AGE_MS;
  const polls = planInboxPolls(options.partners, options.pollIntervalMs);
  await schedulePolls(options.queues, polls);
  for (const poll of polls.polls) {
    logger.info(
      { partnerId: poll.partnerId, intervalMs: poll.intervalMs },
      `scheduled: poll ${poll.partnerId}`,
    );
  }
  for (const line of polls.skipped) logger.info(`not scheduled: ${line}`);
  const sweep: ScheduledTask = {
    name: 'sweep received',
    intervalMs: options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
    run: async (now) => {
      const ids = await requeueStaleReceived(deps, now, maxAgeMs);
      if (ids.length > 0)
        log(`sweep received: queued ${ids.length} stored but unqueued transmission(s) again`);
    },
  };
  const overdue =
    options.overdueAcks === undefined
      ? []
      : [overdueAckTask(options.overdueAcks, options.overdueAckIntervalMs, log)];
  const stranded =
    options.audit === undefined
      ? []
      : [
          strandedOutboundTask(
            {
              repositories: { transmissions: options.transmissions, audit: options.audit },
              queues: options.queues,
            },
            {
              ...(options.strandedAfterMs === undefined ? {} : { olderThanMs: options.strandedAfterMs }),
              log,
            },
          ),
        ];
  const tasks = [sweep, ...overdue, ...stranded, ...(options.extraTasks ?? [])];
  const running: RunningTask[] = tasks.map((task) =>
    startRepeatingTask(task, {
      onError,
      onRecovered: (name) => log(`${name} works again`),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
  );
  return {
    tasks: [...polls.polls.map((poll) => `poll ${poll.partnerId}`), ...tasks.map((t) => t.name)],
    skipped: polls.skipped,
    close: async () => {
      await Promise.all(running.map((task) => task.stop()));
    },
  };
}
