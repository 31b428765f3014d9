import type { TransmissionStatus } from '../../store/index.js';
import type { SupportDeps } from './support-deps.js';

/** Where waiting stops: delivered or read, or failed for good. */
const DONE: ReadonlyMap<TransmissionStatus, 'delivered' | 'failed'> = new Map([
  ['sent', 'delivered'],
  ['acknowledged', 'delivered'],
  ['failed', 'failed'],
  ['rejected', 'failed'],
] as const);

export interface WaitOptions {
  /** Default 120 s. */
  timeoutMs?: number;
  /** Default 500 ms. */
  pollMs?: number;
}

/** How a set of resent or reprocessed transmissions stands when waiting stopped. */
export interface OutcomeSummary {
  /** Sent or acknowledged (outbound), processed (inbound). */
  delivered: number;
  /** Failed or rejected. */
  failed: number;
  /** Not settled when time ran out (or unknown ids). */
  pending: number;
  byId: Record<string, TransmissionStatus | 'unknown'>;
}

/**
 * Polls the store until every transmission has settled (outbound: sent, acknowledged, failed;
 * inbound: processed, rejected, failed) or the time runs out. Reads only; nothing is audited.
 *
 * @example
 * const summary = await waitForOutcomes(ids, { timeoutMs: 120_000 }, deps);
 * summary.failed; // 0
 */
export async function waitForOutcomes(
  ids: readonly string[],
  options: WaitOptions,
  deps: SupportDeps,
): Promise<OutcomeSummary> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const pollMs = Math.max(10, options.pollMs ?? 500);
  const byId: Record<string, TransmissionStatus | 'unknown'> = {};
  const open = new Set(ids);
  for (;;) {
    for (const id of [...open]) {
      const summary = await deps.repositories.transmissions.summary(id);
      byId[id] = summary?.status ?? 'unknown';
      if (summary === null || verdict(summary.direction, summary.status) !== undefined) open.delete(id);
    }
    if (open.size === 0 || Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
  const result: OutcomeSummary = { delivered: 0, failed: 0, pending: 0, byId };
  for (const id of new Set(ids)) {
    const status = byId[id];
    const settled =
      status === undefined || status === 'unknown' ? undefined : verdictOfStatus(id, status, open);
    if (settled === 'delivered') result.delivered++;
    else if (settled === 'failed') result.failed++;
    else result.pending++;
  }
  return result;
}

function verdict(
  direction: 'inbound' | 'outbound',
  status: TransmissionStatus,
): 'delivered' | 'failed' | undefined {
  if (direction === 'inbound' && status === 'processed') return 'delivered';
  return DONE.get(status);
}

function verdictOfStatus(
  id: string,
  status: TransmissionStatus,
  open: ReadonlySet<string>,
): 'delivered' | 'failed' | undefined {
  if (open.has(id)) return undefined;
  return status === 'processed' ? 'delivered' : DONE.get(status);
}
