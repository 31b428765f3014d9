/**
 * Support operations on transmissions and orders, shared by the `transmissions` command and the
 * HTTP API: list and search, show, raw bytes, resend (outbound) and reprocess (inbound), one by
 * one or in bulk, waiting for their outcome, the sweep of stranded deliveries, an order's
 * timeline and the recheck of held orders. Each one is audited under the actor who asked.
 */
export {
  listTransmissions,
  MAX_LIST_LIMIT,
  type TransmissionListItem,
  type TransmissionPage,
} from './list-transmissions.js';
export { encodeCursor, decodeCursor } from './list-cursor.js';
export {
  showTransmission,
  MAX_SHOWN_BYTES,
  type TransmissionView,
  type AcknowledgementState,
} from './show-transmission.js';
export {
  MAX_INLINE_RAW_BYTES,
  MAX_SHOWN_SEGMENTS,
  readFileForShow,
  type DiagnosticView,
  type FileReading,
  type SegmentView,
} from './transmission-inspection.js';
export { transmissionBytes, type TransmissionBytes } from './transmission-bytes.js';
export { resendTransmission, type ResendResult } from './resend-transmission.js';
export { reprocessTransmission, type ReprocessResult } from './reprocess-transmission.js';
export {
  bulkResend,
  bulkReprocess,
  MAX_BULK,
  type BulkOptions,
  type BulkOutcome,
  type BulkResult,
} from './bulk-operation.js';
export { waitForOutcomes, type OutcomeSummary, type WaitOptions } from './wait-for-outcomes.js';
export { liveWorkers, noWorkerWarnings, type LiveWorkers } from './live-workers.js';
export {
  requeueStrandedOutbound,
  DEFAULT_STRANDED_AFTER_MS,
  type StrandedDelivery,
  type StrandedSweepDeps,
  type StrandedSweepOptions,
} from './requeue-stranded-outbound.js';
export { orderTimeline, type TimelineEvent, type TimelineKind } from './order-timeline.js';
export {
  recheckHeldOrder,
  recheckHeldOrders,
  type RecheckFailure,
  type RecheckResult,
} from './recheck-held-orders.js';
export {
  documentReferences,
  envelopeReferences,
  recordDocumentReferences,
  recordInboundReferences,
  type EnvelopeNumbers,
} from './transmission-references.js';
export { checkActor, MAX_ACTOR_LENGTH } from './support-errors.js';
export type { QueueingSupportDeps, SupportDeps } from './support-deps.js';
export type { InterchangeView } from './transmission-envelope.js';
export { parseListFilter, type ListFilterText } from './list-filter.js';
