/**
 * The order-processing core: business rules on canonical purchase orders, the decision they call
 * for, staff resolutions of exceptions, and the 855 that answers the buyer. Pure code, no I/O:
 * callers pass in everything the rules need.
 */
export type {
  Catalog,
  CatalogItem,
  CatalogItemStatus,
  ExistingOrder,
  ExistingOrderStatus,
  ItemCrossReference,
  OrderContext,
  PartnerBusinessSettings,
  PriceEntry,
  PriceList,
  SellingUnit,
} from './context.js';
export { isOpen, type FindingData, type OrderRule, type RuleFinding, type Severity } from './finding.js';
export { CoreError, type CoreErrorCode } from './core-error.js';
export { findCatalogItem, type CatalogMatch } from './catalog-lookup.js';
export { priceFor } from './price-lookup.js';
export { comparePrice, type PriceComparison } from './price-tolerance.js';
export { isCancellation } from './order-lines.js';
export { orderRules } from './rules/registry.js';
export { decideOrder, evaluateOrder, type OrderDecision, type OrderEvaluation } from './evaluate-order.js';
export { acknowledgeOrder, type AcknowledgeOrderInput } from './acknowledge-order.js';
export { acknowledgeLine, type LineAllocation } from './acknowledge-line.js';
export {
  resolutions,
  resolveException,
  type ResolutionId,
  type ResolutionInput,
  type ResolvedReview,
} from './resolutions/registry.js';
export type { OrderReview, Resolution } from './resolutions/resolution.js';
export { lineDecisions, rejectedByStaff, type LineDecisions } from './resolutions/line-decisions.js';
export { RESOLUTION_IDS } from './resolutions/resolution-ids.js';
export type { AcceptPriceInput } from './resolutions/accept-price.js';
export type { ChangeQuantityInput } from './resolutions/change-quantity.js';
export type { CancelLineInput } from './resolutions/cancel-line.js';
export type { RejectOrderInput } from './resolutions/reject-order.js';
export type { ReleaseHoldInput } from './resolutions/release-hold.js';
export {
  allocateOrder,
  allocationStrategies,
  linesToAllocate,
  UNASSIGNED_LOCATION,
  type AllocationPlan,
  type AllocationRules,
  type AllocationStrategy,
  type AllocationStrategyId,
  type LineToAllocate,
  type LocationKind,
  type StockAtLocation,
  type StockReservation,
} from './allocation/index.js';
export * from './reconciliation/index.js';
export { echoIntoAck, echoIntoInvoice, echoIntoShipNotice, partyCode, type OrderEcho } from './echo/index.js';
export {
  shapeShipNotice,
  ssccFromMark,
  ssccProblem,
  withSsccCheckDigit,
  STRUCTURE_CODES,
  type ShapedShipNotices,
  type ShipNoticeShape,
} from './ship-notice/index.js';
export { completeShipment, fullAcceptance, invoiceInFull, sampleOrder } from './samples/index.js';
