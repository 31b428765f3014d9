import type { RuleFinding } from '../../../src/core/index.js';
import type { AllocationCommit, NewOrder } from '../../../src/store/index.js';

export const AT = new Date('2025-04-01T09:30:00.250Z');

export const priceHold: RuleFinding = {
  ruleId: 'price-mismatch',
  severity: 'hold',
  lineNumber: '2',
  message: 'Line 2: price 9.00 differs from 10.00',
  data: { expectedPrice: '10.00', actualPrice: '9.00' },
};

/**
 * An order of `lines` lines, line n ordering n.50 of `${items}-n` (line numbers 10, 20, ... so
 * that their text order is not their position order).
 */
export function sampleOrder(id: string, overrides: Partial<NewOrder> = {}, lines = 5, items = 'W'): NewOrder {
  return {
    id,
    partnerId: 'acme',
    poNumber: `PO-${id}`,
    kind: 'order',
    status: 'open',
    decision: 'accept',
    findings: [],
    lines: Array.from({ length: lines }, (_, i) => ({
      lineNumber: String((lines - i) * 10),
      itemId: `${items}-${i + 1}`,
      quantity: `${i + 1}.50`,
      uom: 'EA',
      unitPrice: i % 2 === 0 ? '10.00' : null,
    })),
    at: AT,
    ...overrides,
  };
}

/** Allocates every line of `order` in full at `locationId` (figures as sent, trailing zeros kept). */
export function fullAllocation(order: NewOrder, locationId: string, at?: Date): AllocationCommit {
  const entries = order.lines.map((line) => ({
    line,
    entry: { lineNumber: line.lineNumber, allocated: line.quantity, backordered: '0.00', locationId },
  }));
  return {
    orderId: order.id,
    allocation: entries.map(({ entry }) => entry),
    reservations: entries.map(({ line }) => ({
      lineNumber: line.lineNumber,
      itemId: line.itemId ?? 'none',
      locationId,
      quantity: line.quantity,
    })),
    lines: entries.map(({ line, entry }) => ({
      lineNumber: line.lineNumber,
      itemId: line.itemId,
      allocated: line.quantity,
      backordered: '0.00',
      status: 'allocated' as const,
      locations: [entry],
    })),
    ...(at === undefined ? {} : { at }),
  };
}

/** `count` ids `${prefix}-0001` ... */
export function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(4, '0')}`);
}
