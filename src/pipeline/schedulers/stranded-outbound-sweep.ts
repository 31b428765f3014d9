import {
  DEFAULT_STRANDED_AFTER_MS,
  requeueStrandedOutbound,
  type StrandedSweepDeps,
} from '../support/requeue-stranded-outbound.js';
import type { ScheduledTask } from './repeating-task.js';

/** How often stranded deliveries are looked for by default. */
export const DEFAULT_STRANDED_SWEEP_INTERVAL_MS = 60_000;

/**
 * The periodic sweep that queues again outbound transmissions waiting in `processed` with no
 * delivery job (see `requeueStrandedOutbound`).
 *
 * @example
 * const task = strandedOutboundTask({ repositories, queues }, { log: (line) => logger.info(line) });
 */
export function strandedOutboundTask(
  deps: StrandedSweepDeps,
  options: { intervalMs?: number; olderThanMs?: number; log?: (line: string) => void } = {},
): ScheduledTask {
  return {
    name: 'sweep stranded deliveries',
    intervalMs: options.intervalMs ?? DEFAULT_STRANDED_SWEEP_INTERVAL_MS,
    run: async (now) => {
      const queued = await requeueStrandedOutbound(deps, {
        now,
        olderThanMs: options.olderThanMs ?? DEFAULT_STRANDED_AFTER_MS,
      });
      if (queued.length > 0) {
        options.log?.(`sweep stranded deliveries: queued ${queued.length} outbound transmission(s) again`);
      }
    },
  };
}
