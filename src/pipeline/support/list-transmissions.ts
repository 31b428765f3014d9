import type { TransmissionFilter, TransmissionSummary } from '../../store/index.js';
import { checkActor } from './support-errors.js';
import type { SupportDeps } from './support-deps.js';

/** Longest list one call returns. */
export const MAX_LIST_LIMIT = 1000;

/**
 * Transmissions newest first, filtered by status and partner. Audited like every support
 * operation: the files hold customers' names and addresses, so who looked is kept too.
 *
 * @example
 * const failed = await listTransmissions({ status: 'failed', limit: 20 }, 'alice', deps);
 */
export async function listTransmissions(
  filter: TransmissionFilter,
  actor: string,
  deps: SupportDeps,
): Promise<TransmissionSummary[]> {
  const who = checkActor(actor);
  const limit = Math.min(Math.max(1, filter.limit ?? 100), MAX_LIST_LIMIT);
  const found = await deps.repositories.transmissions.list({ ...filter, limit });
  await deps.repositories.audit.record({
    actor: who,
    action: 'transmissions-listed',
    subjectType: 'transmissions',
    subjectId: describeFilter(filter),
    details: { ...filter, limit, count: found.length },
  });
  return found;
}

function describeFilter(filter: TransmissionFilter): string {
  const parts = [
    filter.status === undefined ? undefined : `status=${filter.status}`,
    filter.partnerId === undefined ? undefined : `partner=${filter.partnerId}`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? 'all' : parts.join('&').slice(0, 128);
}
