import { pollSchedulerId, schedulePolls, type InboxPollPlan } from '../polls/inbox-poll-plan.js';
import { whileLocked } from '../polls/partner-lock.js';
import type { PipelineQueues } from '../queues.js';
import { describeRecovery, recoverLostWork, type RecoveryDeps } from '../recovery/index.js';
import type { ScheduledTask } from './repeating-task.js';

/** How often the recovery sweep runs by default. */
export const DEFAULT_RECOVERY_INTERVAL_MS = 30_000;
/** How long work sits unchanged before the sweep takes it, by default. */
export const DEFAULT_RECOVERY_AFTER_MS = 60_000;
/** The sweep's lock lapses this long after its holder died; it is extended while the sweep runs. */
const LOCK_MS = 60_000;

export interface RecoveryTaskOptions {
  intervalMs?: number;
  afterMs?: number;
  /** The pipeline's `batchDeadlineMs`. */
  batchDeadlineMs?: number;
  /** The inbox polls to put back when Redis lost their job schedulers. */
  polls?: InboxPollPlan;
  log?: (line: string) => void;
}

/**
 * The recovery sweep as a repeating task (see `recoverLostWork`): it runs at start and then every
 * `intervalMs`, under a Redis lock (`<prefix>:lock:recovery-sweep`), so that of all the processes
 * on one Redis a single one sweeps at a time. Each run also plants the inbox polls' job
 * schedulers again when Redis no longer has them (restarted without its data).
 *
 * @example
 * startRepeatingTask(recoveryTask({ repositories, queues }, { log: console.log }), { onError });
 */
export function recoveryTask(
  deps: RecoveryDeps & { queues: PipelineQueues },
  options: RecoveryTaskOptions = {},
): ScheduledTask {
  const afterMs = options.afterMs ?? DEFAULT_RECOVERY_AFTER_MS;
  const { queues } = deps;
  return {
    name: 'recovery sweep',
    intervalMs: options.intervalMs ?? DEFAULT_RECOVERY_INTERVAL_MS,
    run: async (now) => {
      const swept = await whileLocked(
        queues.connection,
        `${queues.prefix}:lock:recovery-sweep`,
        LOCK_MS,
        async () => {
          const polls = options.polls === undefined ? 0 : await replantPolls(queues, options.polls);
          const jobs = await recoverLostWork(deps, {
            now,
            afterMs,
            ...(options.batchDeadlineMs === undefined ? {} : { batchDeadlineMs: options.batchDeadlineMs }),
          });
          return { polls, jobs };
        },
      );
      if (swept === undefined) return;
      if (swept.polls > 0) {
        options.log?.(`recovery sweep: scheduled the polls of ${swept.polls} partner(s) again`);
      }
      if (swept.jobs.length > 0) {
        options.log?.(`recovery sweep: queued again ${describeRecovery(swept.jobs)}`);
      }
    },
  };
}

/** Plants the poll schedulers again when some are missing; returns how many were. */
async function replantPolls(queues: PipelineQueues, plan: InboxPollPlan): Promise<number> {
  const present = new Set((await queues.polls.getJobSchedulers(0, -1)).map((scheduler) => scheduler.key));
  const missing = plan.polls.filter((poll) => !present.has(pollSchedulerId(poll.partnerId))).length;
  if (missing > 0) await schedulePolls(queues, plan);
  return missing;
}
