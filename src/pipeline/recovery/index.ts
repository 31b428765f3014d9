/**
 * The recovery sweep: the database is the source of truth and Redis a work list rebuilt from it.
 * What the pipeline still owes and has no job that would run is queued again under its own job id.
 */
export { describeRecovery, recoverLostWork } from './recover-lost-work.js';
export { recoverAnswerBatches } from './recover-answer-batches.js';
export { recoverPurchaseOrders } from './recover-purchase-orders.js';
export { recoverTransmissions, transmissionJob } from './recover-transmissions.js';
export type { RecoveredJob, RecoveryDeps, RecoveryOptions } from './recovery-deps.js';
