import { EntitySchema } from '@mikro-orm/core';
import type { LineAllocation } from '../../core/index.js';

/**
 * `open`: not allocated yet. `allocated`, `partially_allocated`, `backordered`: what allocation
 * found. `cancelled`: cancelled by staff or with the order. `rejected`: the order was rejected.
 */
export const ORDER_LINE_STATUSES = [
  'open',
  'allocated',
  'partially_allocated',
  'backordered',
  'cancelled',
  'rejected',
] as const;
export type OrderLineStatus = (typeof ORDER_LINE_STATUSES)[number];

/** One line of a stored order, as the buyer sent it, with our item and what allocation found. */
export interface OrderLineRecord {
  orderId: string;
  lineNumber: string;
  /** Where the line stands in the order, from 0: line numbers are text and need not sort. */
  position: number;
  /** Our item, where the line's ids matched the catalog. */
  itemId: string | null;
  quantity: string;
  uom: string;
  unitPrice: string | null;
  allocated: string;
  backordered: string;
  status: OrderLineStatus;
  /** Per location: allocated and backordered. */
  locations: LineAllocation[];
}

export const OrderLineRecordSchema = new EntitySchema<OrderLineRecord>({
  name: 'OrderLineRecord',
  tableName: 'order_line',
  properties: {
    orderId: { type: 'string', length: 128, primary: true },
    lineNumber: { type: 'string', length: 64, primary: true },
    position: { type: 'integer' },
    itemId: { type: 'string', length: 64, nullable: true },
    quantity: { type: 'decimal' },
    uom: { type: 'string', length: 8 },
    unitPrice: { type: 'decimal', nullable: true },
    allocated: { type: 'decimal' },
    backordered: { type: 'decimal' },
    status: { enum: true, items: () => [...ORDER_LINE_STATUSES] },
    locations: { type: 'json' },
  },
});
