import { createLogger, type Logger } from '../../observability/index.js';
import type { PartnerRegistry } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import type { PipelineQueues } from '../queues.js';
import type { OverdueAckDeps } from '../reconciliation/index.js';
import { planInboxPolls, schedulePolls } from '../polls/inbox-poll-plan.js';
import { overdueAckTask } from './overdue-ack-task.js';
import { recoveryTask } from './recovery-task.js';
import { startRepeatingTask, type RunningTask, type ScheduledTask } from './repeating-task.js';

export interface SchedulerOptions {
  partners: PartnerRegistry;
  /** What the recovery sweep reads (and audits) to queue again the work whose job was lost. */
  repositories: Pick<Repositories, 'unfinished' | 'transmissions' | 'references' | 'as2Messages' | 'audit'>;
  queues: PipelineQueues;
  /** Every inbox poll's interval instead of the partners' `pollSeconds` (tests). */
  pollIntervalMs?: number;
  /** How often the recovery sweep runs. Default 30 s. */
  recoveryIntervalMs?: number;
  /** How long work sits unchanged before the recovery sweep takes it. Default 60 s. */
  recoveryAfterMs?: number;
  /** The pipeline's `batchDeadlineMs`, for the deadline of a batch of 855s queued again. */
  batchDeadlineMs?: number;
  /** When given, groups partners have not acknowledged in time are flagged periodically. */
  overdueAcks?: OverdueAckDeps & { repositories: Pick<Repositories, 'as2Messages'> };
  /** Default 5 minutes. */
  overdueAckIntervalMs?: number;
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

/**
 * Starts the gateway's timers: the poll of each folder or SFTP partner's inbox (a BullMQ job
 * scheduler per partner, so that whichever process on the same Redis takes a poll job, each
 * partner is polled by one process at a time), the recovery sweep that queues again the work whose
 * job Redis lost (`recoveryTask`, one process at a time), the flagging of overdue acknowledgements
 * (with `overdueAcks`), and any `extraTasks`. `serve` starts them; any number of processes may.
 *
 * @example
 * const schedulers = await startSchedulers({ partners, repositories, queues: pipeline.queues });
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
  const polls = planInboxPolls(options.partners, options.pollIntervalMs);
  await schedulePolls(options.queues, polls);
  for (const poll of polls.polls) {
    logger.info(
      { partnerId: poll.partnerId, intervalMs: poll.intervalMs },
      `scheduled: poll ${poll.partnerId}`,
    );
  }
  for (const line of polls.skipped) logger.info(`not scheduled: ${line}`);
  const recovery = recoveryTask(
    { repositories: options.repositories, queues: options.queues },
    {
      polls,
      log,
      ...(options.recoveryIntervalMs === undefined ? {} : { intervalMs: options.recoveryIntervalMs }),
      ...(options.recoveryAfterMs === undefined ? {} : { afterMs: options.recoveryAfterMs }),
      ...(options.batchDeadlineMs === undefined ? {} : { batchDeadlineMs: options.batchDeadlineMs }),
    },
  );
  const overdue =
    options.overdueAcks === undefined
      ? []
      : [overdueAckTask(options.overdueAcks, options.overdueAckIntervalMs, log)];
  const tasks = [recovery, ...overdue, ...(options.extraTasks ?? [])];
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
