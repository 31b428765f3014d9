import { EntitySchema } from '@mikro-orm/core';

export const EXCEPTION_STATUSES = ['open', 'resolved'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/**
 * Something that waits for a person: an order held by a rule, a short payment, an overdue
 * acknowledgement, a transmission that failed for good. One open row per subject and kind.
 */
export interface ExceptionRecord {
  id: number;
  partnerId: string | null;
  /** `order`, `invoice`, `transmission`... */
  subjectType: string;
  subjectId: string;
  /** The rule id or situation, e.g. `price-mismatch`, `short-payment`, `ack-overdue`. */
  kind: string;
  status: ExceptionStatus;
  /** What support reads first: why it is an exception, in one sentence. */
  message: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  /** What was decided (the resolution's id and inputs, or a note). */
  resolution: Record<string, unknown> | null;
}

export const ExceptionRecordSchema = new EntitySchema<ExceptionRecord>({
  name: 'ExceptionRecord',
  tableName: 'exception_record',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    partnerId: { type: 'string', length: 64, nullable: true },
    subjectType: { type: 'string', length: 32 },
    subjectId: { type: 'string', length: 128 },
    kind: { type: 'string', length: 64 },
    status: { enum: true, items: () => [...EXCEPTION_STATUSES], index: 'exception_record_status_index' },
    message: { type: 'text' },
    details: { type: 'json', nullable: true },
    createdAt: { type: 'datetime' },
    resolvedAt: { type: 'datetime', nullable: true },
    resolvedBy: { type: 'string', length: 128, nullable: true },
    resolution: { type: 'json', nullable: true },
  },
});
