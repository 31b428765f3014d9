import { Decimal } from 'decimal.js';
import type { OrderFact } from './order-facts.js';
import { lineOfItem } from './shipment-items.js';

/** Orders that will never ship: they count as orders, not in fill rate or OTIF. */
const NOT_SHIPPABLE = new Set(['rejected', 'cancelled']);

/** Per ordered line, the quantity shipped by the shipments given, never above what was ordered. */
function shippedPerLine(order: OrderFact, shipments: OrderFact['shipments']): Map<string, Decimal> {
  const shipped = new Map<string, Decimal>();
  for (const shipment of shipments) {
    for (const item of shipment.items) {
      const line = lineOfItem(item, order.lines);
      if (line === undefined) continue;
      shipped.set(
        line.lineNumber,
        (shipped.get(line.lineNumber) ?? new Decimal(0)).plus(item.quantityShipped),
      );
    }
  }
  for (const line of order.lines) {
    const total = shipped.get(line.lineNumber) ?? new Decimal(0);
    shipped.set(line.lineNumber, Decimal.min(total, line.quantity));
  }
  return shipped;
}

/** Ordered and shipped quantity of an order that has shipped, for the fill rate; else undefined. */
export function orderFill(order: OrderFact): { ordered: Decimal; shipped: Decimal } | undefined {
  if (NOT_SHIPPABLE.has(order.status) || order.shipments.length === 0) return undefined;
  const shipped = shippedPerLine(order, order.shipments);
  return {
    ordered: order.lines.reduce((sum, line) => sum.plus(line.quantity), new Decimal(0)),
    shipped: [...shipped.values()].reduce((sum, quantity) => sum.plus(quantity), new Decimal(0)),
  };
}

/**
 * Whether an order was shipped complete (every line's ordered quantity) by the end of its
 * requested ship date, UTC. Undefined when it cannot be judged yet or at all: no requested date,
 * rejected or cancelled, or not complete while the date has not passed (`today`, UTC).
 */
export function orderOnTimeInFull(order: OrderFact, today: string): boolean | undefined {
  const due = order.requestedShipDate;
  if (due === null || NOT_SHIPPABLE.has(order.status) || order.lines.length === 0) return undefined;
  const byDue = order.shipments.filter((shipment) => shipment.at.toISOString().slice(0, 10) <= due);
  const shipped = shippedPerLine(order, byDue);
  const complete = order.lines.every((line) => shipped.get(line.lineNumber)?.gte(line.quantity) === true);
  if (complete) return true;
  return due < today ? false : undefined;
}

/** How the 855 answered a line, from the line's stored status; undefined while undecided. */
export function lineAnswer(
  status: OrderFact['lines'][number]['status'],
): 'accepted' | 'changed' | 'rejected' | undefined {
  switch (status) {
    case 'allocated':
      return 'accepted';
    case 'partially_allocated':
    case 'backordered':
      return 'changed';
    case 'rejected':
    case 'cancelled':
      return 'rejected';
    case 'open':
      return undefined;
  }
}
