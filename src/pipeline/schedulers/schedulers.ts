import type { PartnerRegistry } from '../../partners/index.js';
import type { TransmissionStore } from '../../store/index.js';
import type { PartnerTransports } from '../partner-transports.js';
import type { PipelineQueues } from '../queues.js';
import type { OverdueAckDeps } from '../overdue-acks.js';
import { planFolderPolls } from './folder-polls.js';
import { overdueAckTask } from './overdue-ack-task.js';
import { requeueStaleReceived } from './received-sweep.js';
import { startRepeatingTask, type RunningTask, type ScheduledTask } from './repeating-task.js';

export interface SchedulerOptions {
  partners: PartnerRegistry;
  /** The same transports the pipeline delivers with, so each partner's folder is opened once. */
  transports: PartnerTransports;
  transmissions: TransmissionStore;
  queues: PipelineQueues;
  /** Every folder poll's interval instead of the partners' `pollSeconds` (tests). */
  pollIntervalMs?: number;
  /** How often `received` transmissions are swept. Default 30 s. */
  sweepIntervalMs?: number;
  /** How long a transmission may stay `received` before the sweep queues it again. Default 60 s. */
  receivedMaxAgeMs?: number;
  /** When given, groups partners have not acknowledged in time are flagged periodically. */
  overdueAcks?: OverdueAckDeps;
  /** Default 5 minutes. */
  overdueAckIntervalMs?: number;
  /** More periodic work run under the same rules (no overlap, errors reported, stopped on close). */
  extraTasks?: readonly ScheduledTask[];
  now?: () => Date;
  /** Default: console.log. */
  log?: (line: string) => void;
  /** A failed run. Default: one line on console.error. */
  onError?: (task: string, error: unknown) => void;
}

export interface Schedulers {
  /** The names of the running tasks. */
  readonly tasks: readonly string[];
  /** Lines saying which partners are not polled and why. */
  readonly skipped: readonly string[];
  /** Stops every timer and waits for runs in progress. */
  close(): Promise<void>;
}

export const DEFAULT_SWEEP_INTERVAL_MS = 30_000;
export const DEFAULT_RECEIVED_MAX_AGE_MS = 60_000;

/**
 * Starts the gateway's timers: a poll of each folder-transport partner's inbox, the sweep that
 * queues again transmissions stored but never queued, the flagging of overdue acknowledgements
 * (with `overdueAcks`), and any `extraTasks`. Run them in exactly
 * one process per gateway (`serve`); workers need none.
 *
 * @example
 * const schedulers = startSchedulers({ partners, transports, transmissions, queues: pipeline.queues });
 * await schedulers.close();
 */
export function startSchedulers(options: SchedulerOptions): Schedulers {
  const log = options.log ?? ((line: string) => console.log(line));
  const onError =
    options.onError ??
    ((task: string, error: unknown) =>
      console.error(`${task} failed: ${error instanceof Error ? error.message : String(error)}`));
  const deps = { transmissions: options.transmissions, queues: options.queues };
  const maxAgeMs = options.receivedMaxAgeMs ?? DEFAULT_RECEIVED_MAX_AGE_MS;
  const polls = planFolderPolls(options.partners, options.transports, deps, {
    ...(options.pollIntervalMs === undefined ? {} : { intervalMs: options.pollIntervalMs }),
    log,
  });
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
  const tasks = [...polls.tasks, sweep, ...overdue, ...(options.extraTasks ?? [])];
  const running: RunningTask[] = tasks.map((task) =>
    startRepeatingTask(task, {
      onError,
      onRecovered: (name) => log(`${name} works again`),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
  );
  return {
    tasks: tasks.map((t) => t.name),
    skipped: polls.skipped,
    close: async () => {
      await Promise.all(running.map((task) => task.stop()));
    },
  };
}
