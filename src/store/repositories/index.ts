import type { MikroORM } from '@mikro-orm/core';
import type { ApiKeyStore } from './api-key-store.js';
import type { As2MessageStore } from './as2-message-store.js';
import type { MarketplaceCursorStore } from './marketplace-cursor-store.js';
import type { AuditLog } from './audit-log.js';
import type { ConsoleAccessStore } from './console-access-store.js';
import type { ControlNumberAllocator } from './control-number-allocator.js';
import type { DocumentStore } from './document-store.js';
import type { EnvelopeIndex } from './envelope-index.js';
import type { ExceptionStore } from './exception-store.js';
import type { ExpectedAckStore } from './expected-ack-store.js';
import type { InvoiceLedger } from './invoice-ledger.js';
import { OrmApiKeyStore } from './orm-api-key-store.js';
import { OrmAs2MessageStore } from './orm-as2-message-store.js';
import { OrmMarketplaceCursorStore } from './orm-marketplace-cursor-store.js';
import { OrmAuditLog } from './orm-audit-log.js';
import { OrmConsoleAccessStore } from './orm-console-access-store.js';
import { OrmControlNumberAllocator } from './orm-control-number-allocator.js';
import { OrmDocumentStore } from './orm-document-store.js';
import { OrmEnvelopeIndex } from './orm-envelope-index.js';
import { OrmExceptionStore } from './orm-exception-store.js';
import { OrmExpectedAckStore } from './orm-expected-ack-store.js';
import { OrmInvoiceLedger } from './orm-invoice-ledger.js';
import { OrmOutboundBatchStore } from './orm-outbound-batch-store.js';
import { OrmTransmissionReferenceStore } from './orm-transmission-reference-store.js';
import { OrmTransmissionStats } from './orm-transmission-stats.js';
import { OrmTransmissionStore } from './orm-transmission-store.js';
import { OrmUnfinishedWork } from './orm-unfinished-work.js';
import type { OutboundBatchStore } from './outbound-batch-store.js';
import { createOrderRepositories, type OrderRepositories } from './order-repositories.js';
import type { TransmissionReferenceStore } from './transmission-reference-store.js';
import type { TransmissionStats } from './transmission-stats.js';
import type { TransmissionStore } from './transmission-store.js';
import type { UnfinishedWork } from './unfinished-work.js';

export type * from './api-key-store.js';
export type * from './as2-message-store.js';
export type * from './marketplace-cursor-store.js';
export type * from './audit-log.js';
export type * from './console-access-store.js';
export type * from './transmission-stats.js';
export { CONTROL_NUMBER_MAX, type ControlNumberAllocator } from './control-number-allocator.js';
export type * from './document-store.js';
export type * from './envelope-index.js';
export type * from './exception-store.js';
export type * from './expected-ack-store.js';
export type * from './invoice-ledger.js';
export type * from './order-repositories.js';
export type * from './outbound-batch-store.js';
export type * from './transmission-store.js';
export type * from './transmission-reference-store.js';
export type * from './unfinished-work.js';
export { referenceValue } from './reference-value.js';

/** Every repository of the store, as the rest of the gateway uses them. */
export interface Repositories extends OrderRepositories {
  transmissions: TransmissionStore;
  /** The business and control numbers transmissions are searched by. */
  references: TransmissionReferenceStore;
  envelopes: EnvelopeIndex;
  documents: DocumentStore;
  controlNumbers: ControlNumberAllocator;
  audit: AuditLog;
  exceptions: ExceptionStore;
  /** Functional acknowledgements we wait for from partners. */
  expectedAcks: ExpectedAckStore;
  /** Invoices we sent and the payments applied to them. */
  invoices: InvoiceLedger;
  /** Answers gathered per inbound interchange, to go out together. */
  outboundBatches: OutboundBatchStore;
  /** Keys that partners (and, later, staff) present to the HTTP API. */
  apiKeys: ApiKeyStore;
  /** Console users and their sessions. */
  consoleAccess: ConsoleAccessStore;
  /** Counts over the whole store, for metrics and partner health. */
  stats: TransmissionStats;
  /** AS2 Message-IDs received and sent, with their MDNs. */
  as2Messages: As2MessageStore;
  /** Where each marketplace account's pull stopped. */
  marketplaceCursors: MarketplaceCursorStore;
  /** What the pipeline still owes, for the sweep that queues again work whose job was lost. */
  unfinished: UnfinishedWork;
}

/**
 * The repositories over one opened store. They hold no state of their own, so one set can be
 * shared by every request and worker of a process.
 *
 * @example
 * const store = await openStore(config);
 * const { transmissions } = createRepositories(store.orm);
 * const id = await transmissions.recordInbound(bytes, { channel: 'http' });
 */
export function createRepositories(orm: MikroORM): Repositories {
  return {
    transmissions: new OrmTransmissionStore(orm),
    references: new OrmTransmissionReferenceStore(orm),
    envelopes: new OrmEnvelopeIndex(orm),
    documents: new OrmDocumentStore(orm),
    controlNumbers: new OrmControlNumberAllocator(orm),
    audit: new OrmAuditLog(orm),
    exceptions: new OrmExceptionStore(orm),
    outboundBatches: new OrmOutboundBatchStore(orm),
    expectedAcks: new OrmExpectedAckStore(orm),
    invoices: new OrmInvoiceLedger(orm),
    apiKeys: new OrmApiKeyStore(orm),
    consoleAccess: new OrmConsoleAccessStore(orm),
    stats: new OrmTransmissionStats(orm),
    as2Messages: new OrmAs2MessageStore(orm),
    marketplaceCursors: new OrmMarketplaceCursorStore(orm),
    unfinished: new OrmUnfinishedWork(orm),
    ...createOrderRepositories(orm),
  };
}
