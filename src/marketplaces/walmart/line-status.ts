import { addDecimals, compareDecimals, subtractDecimals } from '../../canonical/index.js';

/**
 * How Walmart splits an order line's quantity across statuses (`orderLineStatuses.orderLineStatus`):
 * a line of 3 can be 1 `Shipped` with its tracking, 1 `Cancelled` with its reason and 1 still
 * `Acknowledged`. Lines move `Created` -> `Acknowledged` -> `Shipped` -> `Delivered`, and
 * `Cancelled` from `Created` or `Acknowledged`. The sandbox keeps its orders this way.
 */
export interface LineStatusEntry {
  status: string;
  statusQuantity: { unitOfMeasurement: string; amount: string };
  cancellationReason?: string | null;
  trackingInfo?: unknown;
}

/** An order line as far as its statuses go. */
export interface StatusedLine {
  lineNumber: string;
  orderLineQuantity: { unitOfMeasurement?: string | null; amount: string };
  statusDate?: number | string | null;
  orderLineStatuses?: { orderLineStatus?: LineStatusEntry[] } | null;
}

/** The line's status entries, the whole quantity `Created` where the line shows none. */
export function lineStatuses(line: StatusedLine): LineStatusEntry[] {
  const existing = line.orderLineStatuses?.orderLineStatus;
  if (Array.isArray(existing) && existing.length > 0) return existing;
  const created: LineStatusEntry = {
    status: 'Created',
    statusQuantity: { unitOfMeasurement: 'EACH', amount: line.orderLineQuantity.amount },
    cancellationReason: null,
    trackingInfo: null,
  };
  const entries = [created];
  line.orderLineStatuses = { orderLineStatus: entries };
  return entries;
}

/** How much of the line is in any of `statuses`. */
export function quantityIn(line: StatusedLine, statuses: readonly string[]): string {
  return lineStatuses(line)
    .filter((entry) => statuses.includes(entry.status))
    .reduce((sum, entry) => addDecimals(sum, entry.statusQuantity.amount), '0');
}

/**
 * Moves `amount` of the line out of `from` (taken in that order) into `into`: a new entry when it
 * carries tracking, else added to an entry of the same status and reason. The caller has checked
 * that `from` holds enough.
 */
export function moveQuantity(
  line: StatusedLine,
  from: readonly string[],
  amount: string,
  into: Omit<LineStatusEntry, 'statusQuantity'>,
): void {
  const entries = lineStatuses(line);
  let left = amount;
  for (const status of from) {
    for (const entry of entries) {
      if (entry.status !== status || compareDecimals(left, '0') <= 0) continue;
      const taken =
        compareDecimals(entry.statusQuantity.amount, left) <= 0 ? entry.statusQuantity.amount : left;
      entry.statusQuantity.amount = subtractDecimals(entry.statusQuantity.amount, taken);
      left = subtractDecimals(left, taken);
    }
  }
  const kept = entries.filter((entry) => compareDecimals(entry.statusQuantity.amount, '0') > 0);
  const same = into.trackingInfo
    ? undefined
    : kept.find(
        (entry) =>
          entry.status === into.status &&
          !entry.trackingInfo &&
          (entry.cancellationReason ?? null) === (into.cancellationReason ?? null),
      );
  if (same !== undefined) same.statusQuantity.amount = addDecimals(same.statusQuantity.amount, amount);
  else
    kept.push({
      status: into.status,
      statusQuantity: { unitOfMeasurement: 'EACH', amount },
      cancellationReason: into.cancellationReason ?? null,
      trackingInfo: into.trackingInfo ?? null,
    });
  line.orderLineStatuses = { orderLineStatus: kept };
}
