import type { PartnerConfig, PartnerRegistry } from '../../partners/index.js';
import type { FolderTransportSettings } from '../../transports/index.js';
import { pollFolderOnce, type IntakeDeps } from '../intake.js';
import type { PartnerTransports } from '../partner-transports.js';
import type { ScheduledTask } from './repeating-task.js';

export interface FolderPollOptions {
  /** Every poll's interval instead of each partner's `transport.pollSeconds` (tests). */
  intervalMs?: number;
  /** One line per file batch taken. */
  log?: (line: string) => void;
}

/** The polling task of each enabled folder-transport partner, and why the others have none. */
export interface FolderPollPlan {
  tasks: ScheduledTask[];
  /** One sentence per partner that is not polled. */
  skipped: string[];
}

/**
 * Plans one polling loop per enabled partner whose transport is a folder, at the partner's
 * `pollSeconds`. Partners on transports the gateway cannot poll yet (SFTP, AS2, marketplace
 * pulls) are listed in `skipped`, so that the operator sees at start that nothing collects them.
 *
 * @example
 * const { tasks, skipped } = planFolderPolls(partners, transports, { transmissions, queues });
 */
export function planFolderPolls(
  partners: PartnerRegistry,
  transports: PartnerTransports,
  intake: IntakeDeps,
  options: FolderPollOptions = {},
): FolderPollPlan {
  const plan: FolderPollPlan = { tasks: [], skipped: [] };
  for (const partner of partners.all()) {
    const folder = polledFolder(partner);
    if (typeof folder === 'string') {
      plan.skipped.push(`partner ${partner.id}: ${folder}`);
      continue;
    }
    plan.tasks.push({
      name: `poll ${partner.id}`,
      intervalMs: options.intervalMs ?? (folder.pollSeconds ?? 60) * 1000,
      run: async () => {
        const ids = await pollFolderOnce(transports.forPartner(partner), partner, intake);
        if (ids.length > 0) options.log?.(`poll ${partner.id}: stored ${ids.length} file(s)`);
      },
    });
  }
  return plan;
}

/** The partner's folder transport, or why it is not polled. */
function polledFolder(partner: PartnerConfig): FolderTransportSettings | string {
  if (!partner.enabled) return 'disabled, not polled';
  if (partner.kind !== 'x12') return 'marketplace pulls are not available yet, not polled';
  if (partner.transport.type !== 'folder') {
    return `the ${partner.transport.type} transport is not available yet, not polled`;
  }
  return partner.transport;
}
