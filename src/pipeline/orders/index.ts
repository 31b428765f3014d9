/**
 * Purchase orders through the core: evaluate, store, hold for staff or allocate, and answer with
 * the 855; cancellations; staff resolutions of held orders.
 */
export { handlePurchaseOrder } from './purchase-order-handler.js';
export { advanceOrder } from './advance-order.js';
export {
  resolveOrderException,
  type OrderResolution,
  type ResolvedOrderException,
} from './resolve-order-exception.js';
export { ORDER_EXCEPTION_KINDS, ORDER_SUBJECT, openFindings } from './order-exceptions.js';
export { PIPELINE_ACTOR } from './order-audit.js';
