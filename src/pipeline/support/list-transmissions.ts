import type { TransmissionFilter, TransmissionSummary } from '../../store/index.js';
import { encodeCursor } from './list-cursor.js';
import { checkActor } from './support-errors.js';
import type { SupportDeps } from './support-deps.js';

/** Longest list one call returns. */
export const MAX_LIST_LIMIT = 1000;

/** A listed transmission with what it carries, for a table a person scans. */
export type TransmissionListItem = TransmissionSummary & {
  /** PO numbers it carries (an 855 or 810 the ones it answers). */
  poNumbers: string[];
  /** Canonical types and X12 set ids, e.g. `850`, `purchase_order`. */
  documentTypes: string[];
};

/** One page of a list. */
export interface TransmissionPage {
  transmissions: TransmissionListItem[];
  /** Give back as the filter's cursor for the next page; null on the last page. */
  next: string | null;
}

/**
 * Transmissions newest first, filtered by status, partner, direction, dates and the numbers they
 * carry, a page at a time. Audited like every support operation: the files hold customers'
 * names and addresses, so who looked is kept too.
 *
 * @example
 * const { transmissions, next } = await listTransmissions({ status: 'failed', po: '4500012345' }, 'alice', deps);
 * const more = next === null ? [] : (await listTransmissions({ ...parseListFilter({ cursor: next }) }, 'alice', deps)).transmissions;
 */
export async function listTransmissions(
  filter: TransmissionFilter,
  actor: string,
  deps: SupportDeps,
): Promise<TransmissionPage> {
  const who = checkActor(actor);
  const limit = Math.min(Math.max(1, filter.limit ?? 100), MAX_LIST_LIMIT);
  // One more than asked for tells whether a next page exists without counting.
  const found = await deps.repositories.transmissions.list({ ...filter, limit: limit + 1 });
  const page = found.slice(0, limit);
  const references = await deps.repositories.references.of(page.map((t) => t.id));
  const transmissions = page.map((t): TransmissionListItem => {
    const refs = references.get(t.id) ?? [];
    return {
      ...t,
      poNumbers: refs.filter((r) => r.kind === 'po').map((r) => r.value),
      documentTypes: refs.filter((r) => r.kind === 'document-type').map((r) => r.value),
    };
  });
  const last = page.at(-1);
  const next = found.length > limit && last !== undefined ? encodeCursor(last) : null;
  await deps.repositories.audit.record({
    actor: who,
    action: 'transmissions-listed',
    subjectType: 'transmissions',
    subjectId: describeFilter(filter),
    details: { ...auditable(filter), limit, count: page.length },
  });
  return { transmissions, next };
}

/** The filter as the audit trail keeps it: dates as ISO text. */
export function auditable(filter: TransmissionFilter): Record<string, unknown> {
  const { before, receivedFrom, receivedTo, receivedBefore, ...rest } = filter;
  return {
    ...rest,
    ...(before === undefined ? {} : { before: encodeCursor(before) }),
    ...(receivedFrom === undefined ? {} : { receivedFrom: receivedFrom.toISOString() }),
    ...(receivedTo === undefined ? {} : { receivedTo: receivedTo.toISOString() }),
    ...(receivedBefore === undefined ? {} : { receivedBefore: receivedBefore.toISOString() }),
  };
}

/** `status=failed&partner=acme&po=4500012345`: the filter in a line, as the audit subject. */
export function describeFilter(filter: TransmissionFilter): string {
  const fields = auditable(filter);
  delete fields['limit'];
  delete fields['before'];
  const parts = Object.entries(fields).map(
    ([key, value]) => `${key === 'partnerId' ? 'partner' : key}=${String(value)}`,
  );
  return parts.length === 0 ? 'all' : parts.join('&').slice(0, 128);
}
