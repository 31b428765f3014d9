import { ApiKeySchema } from './api-key.js';
import { As2MessageSchema } from './as2-message.js';
import { AuditEventSchema } from './audit-event.js';
import { CanonicalDocumentRecordSchema } from './canonical-document-record.js';
import { ConsoleSessionSchema, ConsoleUserSchema } from './console-access.js';
import { ControlNumberCounterSchema } from './control-number-counter.js';
import { ExceptionRecordSchema } from './exception-record.js';
import { GroupRecordSchema } from './group-record.js';
import { InterchangeRecordSchema } from './interchange-record.js';
import { orderEntities } from './order-entities.js';
import { OutboundBatchItemSchema, OutboundBatchSchema } from './outbound-batch.js';
import { reconciliationEntities } from './reconciliation-entities.js';
import { TransactionSetRecordSchema } from './transaction-set-record.js';
import { TransmissionEventSchema } from './transmission-event.js';
import { TransmissionReferenceSchema } from './transmission-reference.js';
import { TransmissionSchema } from './transmission.js';
import { MarketplaceCursorSchema } from './marketplace-cursor.js';

export * from './api-key.js';
export * from './as2-message.js';
export * from './audit-event.js';
export * from './canonical-document-record.js';
export * from './console-access.js';
export * from './control-number-counter.js';
export * from './exception-record.js';
export * from './group-record.js';
export * from './interchange-record.js';
export * from './order-entities.js';
export * from './outbound-batch.js';
export * from './reconciliation-entities.js';
export * from './transaction-set-record.js';
export * from './transmission-event.js';
export * from './transmission-reference.js';
export * from './transmission.js';
export * from './marketplace-cursor.js';

/** Every entity the store maps, in the order the ORM is given them. */
export const storeEntities = [
  TransmissionSchema,
  TransmissionEventSchema,
  InterchangeRecordSchema,
  GroupRecordSchema,
  TransactionSetRecordSchema,
  CanonicalDocumentRecordSchema,
  AuditEventSchema,
  ControlNumberCounterSchema,
  ExceptionRecordSchema,
  ...orderEntities,
  ...reconciliationEntities,
  OutboundBatchSchema,
  OutboundBatchItemSchema,
  ApiKeySchema,
  TransmissionReferenceSchema,
  ConsoleUserSchema,
  ConsoleSessionSchema,
  As2MessageSchema,
  MarketplaceCursorSchema,
];
