import { GatewayError, isGatewayError } from '../../errors/index.js';
import type { TransmissionDirection, TransmissionFilter } from '../../store/index.js';
import { noWorkerWarnings } from './live-workers.js';
import { auditable, describeFilter } from './list-transmissions.js';
import { reprocessTransmission } from './reprocess-transmission.js';
import { resendTransmission } from './resend-transmission.js';
import { checkActor } from './support-errors.js';
import type { QueueingSupportDeps } from './support-deps.js';

/** Most transmissions one bulk call acts on. */
export const MAX_BULK = 1000;

export interface BulkOptions {
  /** List what would be done; change nothing. */
  dryRun?: boolean;
  /** Called after each transmission, for progress lines. */
  onProgress?: (done: number, total: number) => void;
}

/** How one transmission of a bulk call turned out. */
export interface BulkOutcome {
  id: string;
  ok: boolean;
  jobId?: string;
  error?: string;
}

export interface BulkResult {
  dryRun: boolean;
  /** How many transmissions the filter matched (all of them, at most {@link MAX_BULK}). */
  count: number;
  ids: string[];
  /** Empty on a dry run. */
  outcomes: BulkOutcome[];
  warnings: string[];
}

/**
 * Resends every outbound transmission the filter matches (status, partner, dates, document type,
 * numbers), each as `resendTransmission` would, or with `dryRun` only lists them. A filter that
 * matches more than 1,000 is refused. Audited once for the whole call and once per transmission.
 *
 * @example
 * const { outcomes } = await bulkResend({ status: 'failed', partnerId: 'acme', documentType: '855' }, {}, 'alice', deps);
 */
export function bulkResend(
  filter: TransmissionFilter,
  options: BulkOptions,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<BulkResult> {
  return runBulk('resend', 'outbound', filter, options, actor, deps);
}

/**
 * Reprocesses every inbound transmission the filter matches, as `reprocessTransmission` would;
 * see `bulkResend` for dry runs, the cap and the audit.
 *
 * @example
 * await bulkReprocess({ status: 'rejected', partnerId: 'acme' }, { dryRun: true }, 'alice', deps);
 */
export function bulkReprocess(
  filter: TransmissionFilter,
  options: BulkOptions,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<BulkResult> {
  return runBulk('reprocess', 'inbound', filter, options, actor, deps);
}

async function runBulk(
  operation: 'resend' | 'reprocess',
  direction: TransmissionDirection,
  filter: TransmissionFilter,
  options: BulkOptions,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<BulkResult> {
  const who = checkActor(actor);
  const { before: _cursor, limit: _limit, ...rest } = filter;
  const scope: TransmissionFilter = { ...rest, direction };
  const matched = await deps.repositories.transmissions.list({ ...scope, limit: MAX_BULK + 1 });
  if (matched.length > MAX_BULK) {
    throw new GatewayError(
      'bulk-too-large',
      `the filter matches more than ${MAX_BULK} ${direction} transmissions; narrow it (partner, status, --from/--to, type) and ${operation} in several calls`,
      { permanent: true, status: 422 },
    );
  }
  const ids = matched.map((t) => t.id);
  const dryRun = options.dryRun === true;
  await deps.repositories.audit.record({
    actor: who,
    action: dryRun ? `transmissions-bulk-${operation}-previewed` : `transmissions-bulk-${operation}`,
    subjectType: 'transmissions',
    subjectId: describeFilter(scope),
    details: { ...auditable(scope), count: ids.length, ids },
  });
  if (dryRun) return { dryRun, count: ids.length, ids, outcomes: [], warnings: [] };
  const outcomes: BulkOutcome[] = [];
  for (const id of ids) {
    outcomes.push(await one(operation, id, who, deps));
    options.onProgress?.(outcomes.length, ids.length);
  }
  const used = outcomes.some((o) => o.ok)
    ? ([direction === 'outbound' ? 'outbound' : 'inbound'] as const)
    : [];
  return { dryRun, count: ids.length, ids, outcomes, warnings: await noWorkerWarnings(deps.queues, used) };
}

async function one(
  operation: 'resend' | 'reprocess',
  id: string,
  actor: string,
  deps: QueueingSupportDeps,
): Promise<BulkOutcome> {
  try {
    const { jobId } =
      operation === 'resend'
        ? await resendTransmission(id, actor, deps)
        : await reprocessTransmission(id, actor, deps);
    return { id, ok: true, jobId };
  } catch (error) {
    // One refused transmission (its status changed meanwhile) must not stop the others.
    if (!isGatewayError(error)) throw error;
    return { id, ok: false, error: error.message };
  }
}
