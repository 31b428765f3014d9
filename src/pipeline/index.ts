/**
 * The pipeline: intake stores raw bytes and queues their id; the inbound worker reads, indexes,
 * maps and acknowledges; the outbound worker delivers. Every step can run twice safely.
 */
export {
  inboxIntakeKey,
  intakeFile,
  intakeOnce,
  pollInboxOnce,
  type InboxPass,
  type IntakeDeps,
  type IntakeOptions,
  type IntakeOutcome,
} from './intake.js';
export {
  planInboxPolls,
  pollSchedulerId,
  schedulePolls,
  type InboxPoll,
  type InboxPollPlan,
} from './polls/inbox-poll-plan.js';
export { runInboxPoll, type InboxPollDeps, type InboxPollOutcome } from './polls/run-inbox-poll.js';
export { whileLocked } from './polls/partner-lock.js';
export { unsupportedSettings, type UnsupportedSetting } from './unsupported-settings.js';
export { preparePartnerFolders, type FolderPreparation } from './prepare-partner-folders.js';
export { processInbound, type InboundOutcome } from './inbound-worker.js';
export { processOutbound, type OutboundDeps } from './outbound-worker.js';
export { processDocument } from './documents-worker.js';
export { documentHandlers } from './document-handlers.js';
export type { DocumentHandler, DocumentOutcome } from './document-handler.js';
export { flagOverdueAcknowledgements, type OverdueAckDeps } from './reconciliation/index.js';
export * from './reconciliation/index.js';
export * from './events/index.js';
export {
  emitDocument,
  emittedTransmissionId,
  saveDocumentOnce,
  type EmittedDocument,
} from './emit-document.js';
export {
  acknowledgedInterchange,
  acknowledgesReference,
  ackTransmissionId,
  derivedUuid,
  draftAcknowledgement,
  storeAcknowledgement,
} from './acknowledge-interchange.js';
export {
  createPartnerTransports,
  sftpSettings,
  type PartnerTransportOptions,
  type PartnerTransports,
} from './partner-transports.js';
export type { WorkerDeps } from './pipeline-deps.js';
export { startPipeline, type Pipeline, type PipelineOptions } from './pipeline.js';
export { DEFAULT_RETRY, openQueues, toJobError, type PipelineQueues, type RetryPolicy } from './queues.js';
export {
  ackJobId,
  documentJobId,
  enqueueDocument,
  enqueueDocuments,
  enqueueInbound,
  enqueueOutbound,
  enqueueSeal,
  inboundJobId,
  orderBatchJobId,
  outboundJobId,
  reprocessJobId,
  resendJobId,
  sealJobId,
  QUEUE_NAMES,
  type DeliveryClass,
  type DocumentJob,
  type InboundJob,
  type JobQueue,
  type LiveJob,
  type OutboundJob,
  type QueueName,
  type PollJob,
  type RequeueOutcome,
  type SealJob,
} from './job-queue.js';
export * from './schedulers/index.js';
export * from './recovery/index.js';
export * from './support/index.js';
export * from './orders/index.js';
export { receiveAs2, type AsyncMdn, type ReceiveAs2Deps } from './as2/receive-as2.js';
export {
  receiveShopifyWebhook,
  type WebhookAnswer,
  type WebhookDeps,
} from './marketplaces/receive-webhook.js';
export {
  ACK_DUE_KIND,
  flagDueMarketplaceAcks,
  WALMART_ACK_WINDOW_MS,
  type AckDeadlineOptions,
} from './marketplaces/acknowledgement-deadline.js';
export { ORDER_CHANGED_KIND } from './marketplaces/read-order.js';
