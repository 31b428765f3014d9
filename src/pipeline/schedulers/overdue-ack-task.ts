import { flagOverdueAcknowledgements, type OverdueAckDeps } from '../overdue-acks.js';
import type { ScheduledTask } from './repeating-task.js';

/** How often unanswered groups are looked for by default: partners' deadlines are in hours. */
export const DEFAULT_OVERDUE_ACK_INTERVAL_MS = 5 * 60_000;

/**
 * The periodic sweep that turns groups a partner has not acknowledged in time into `ack-overdue`
 * exceptions.
 *
 * @example
 * startRepeatingTask(overdueAckTask({ repositories }, 60_000, console.log), { onError });
 */
export function overdueAckTask(
  deps: OverdueAckDeps,
  intervalMs = DEFAULT_OVERDUE_ACK_INTERVAL_MS,
  log?: (line: string) => void,
): ScheduledTask {
  return {
    name: 'flag overdue acknowledgements',
    intervalMs,
    run: async (now) => {
      const flagged = await flagOverdueAcknowledgements(now, deps);
      if (flagged > 0) log?.(`flag overdue acknowledgements: ${flagged} group(s) now overdue`);
    },
  };
}
