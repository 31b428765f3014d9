import type { Repositories } from '../../store/index.js';
import { flagOverdueMdns } from '../as2/receive-mdn.js';
import { flagOverdueAcknowledgements, type OverdueAckDeps } from '../reconciliation/index.js';
import type { ScheduledTask } from './repeating-task.js';

/** How often unanswered groups are looked for by default: partners' deadlines are in hours. */
export const DEFAULT_OVERDUE_ACK_INTERVAL_MS = 5 * 60_000;

/**
 * The periodic sweep that turns groups a partner has not acknowledged in time into `ack-overdue`
 * exceptions, and async AS2 MDNs that did not come into `mdn-overdue` ones.
 *
 * @example
 * startRepeatingTask(overdueAckTask({ repositories }, 60_000, console.log), { onError });
 */
export function overdueAckTask(
  deps: OverdueAckDeps & { repositories: Pick<Repositories, 'as2Messages'> },
  intervalMs = DEFAULT_OVERDUE_ACK_INTERVAL_MS,
  log?: (line: string) => void,
): ScheduledTask {
  return {
    name: 'flag overdue acknowledgements',
    intervalMs,
    run: async (now) => {
      const flagged = await flagOverdueAcknowledgements(now, deps);
      if (flagged > 0) log?.(`flag overdue acknowledgements: ${flagged} group(s) now overdue`);
      const mdns = await flagOverdueMdns(now, deps);
      if (mdns > 0) log?.(`flag overdue acknowledgements: ${mdns} AS2 MDN(s) now overdue`);
    },
  };
}
