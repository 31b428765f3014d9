import { EntitySchema } from '@mikro-orm/core';
import type { ExistingOrderStatus, LineAllocation, OrderDecision, RuleFinding } from '../../core/index.js';

export const ORDER_STATUSES = [
  'open',
  'on_hold',
  'acknowledged',
  'rejected',
  'cancelled',
  'partially_shipped',
  'shipped',
  'invoiced',
] as const satisfies readonly ExistingOrderStatus[];
/** The core's own list, so that the statuses the rules read are the ones stored. */
export type OrderStatus = ExistingOrderStatus;

/** `order`: a purchase order to fill. `cancellation`: an 850 with BEG01 `01`, naming a PO to cancel. */
export const ORDER_KINDS = ['order', 'cancellation'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export const ORDER_DECISIONS = ['accept', 'hold', 'reject'] as const satisfies readonly OrderDecision[];

/**
 * A purchase order as the core decided on it. Its id is the canonical document's, so the same
 * document processed twice finds its order instead of creating a second one.
 */
export interface OrderRecord {
  id: string;
  partnerId: string;
  poNumber: string;
  kind: OrderKind;
  /** For a cancellation: the order it cancelled, once it has. */
  targetOrderId: string | null;
  /**
   * For an order: where it stands. For a cancellation: `open` until applied, `on_hold` waiting for
   * staff, `cancelled` once the PO it names is cancelled, `rejected` when it cannot be.
   */
  status: OrderStatus;
  decision: OrderDecision;
  /** The core's findings with every staff resolution: the ledger of the order's exception. */
  findings: RuleFinding[];
  /** Set in the transaction that reserves the stock; absent until then. */
  allocation: LineAllocation[] | null;
  /** The 855 built for it (sent or only stored). */
  ackDocumentId: string | null;
  /** Incremented by every change, so that two people resolving at once cannot both win. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const OrderRecordSchema = new EntitySchema<OrderRecord>({
  name: 'OrderRecord',
  tableName: 'order_record',
  properties: {
    id: { type: 'string', length: 128, primary: true },
    partnerId: { type: 'string', length: 64 },
    poNumber: { type: 'string', length: 64 },
    kind: { enum: true, items: () => [...ORDER_KINDS] },
    targetOrderId: { type: 'string', length: 128, nullable: true },
    status: { enum: true, items: () => [...ORDER_STATUSES], index: 'order_record_status_index' },
    decision: { enum: true, items: () => [...ORDER_DECISIONS] },
    findings: { type: 'json' },
    allocation: { type: 'json', nullable: true },
    ackDocumentId: { type: 'string', length: 128, nullable: true },
    revision: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  indexes: [{ name: 'order_record_partner_id_po_number_index', properties: ['partnerId', 'poNumber'] }],
});
