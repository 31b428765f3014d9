import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import { CanonicalDocumentRecordSchema } from '../entities/canonical-document-record.js';
import { ExceptionRecordSchema } from '../entities/exception-record.js';
import { GroupRecordSchema } from '../entities/group-record.js';
import { InterchangeRecordSchema } from '../entities/interchange-record.js';
import type { OrderKind, OrderStatus } from '../entities/order-record.js';
import { OrderRecordSchema } from '../entities/order-record.js';
import { OutboundBatchItemSchema, OutboundBatchSchema } from '../entities/outbound-batch.js';
import { TransactionSetRecordSchema } from '../entities/transaction-set-record.js';
import { TransmissionEventSchema } from '../entities/transmission-event.js';
import type {
  TransmissionChannel,
  TransmissionDirection,
  TransmissionStatus,
} from '../entities/transmission.js';
import { TransmissionSchema } from '../entities/transmission.js';
import { guard } from '../store-error.js';
import { BatchSql, chunks } from './batch-sql.js';
import type {
  InterchangeKey,
  InterchangePurchaseOrders,
  UnfinishedQuery,
  UnfinishedTransmission,
  UnfinishedWork,
  UnsentBatch,
  UnsettledPurchaseOrder,
} from './unfinished-work.js';

const DEFAULT_LIMIT = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `UnfinishedWork` in raw SQL written once for PostgreSQL and SQLite: anti-joins and correlated
 * counts that the ORM's query builder would spell differently for each.
 */
export class OrmUnfinishedWork implements UnfinishedWork {
  private readonly sql: BatchSql;

  constructor(private readonly orm: MikroORM) {
    this.sql = new BatchSql(orm);
  }

  transmissions(query: UnfinishedQuery): Promise<UnfinishedTransmission[]> {
    return guard('finding unfinished transmissions', async () => {
      const t = this.table(TransmissionSchema);
      const e = this.table(TransmissionEventSchema);
      // The change that queued the current job: the last `received` (inbound), `processed` (outbound).
      const queuedEvent =
        `(select max(q."id") from ${e} q where q."transmission_id" = t."id" and q."status" = ` +
        `case t."direction" when 'inbound' then 'received' else 'processed' end)`;
      const rows = await this.all<Record<string, unknown>>(
        `select * from (select t."id", t."direction", t."status", t."partner_id", t."channel", t."source_ref", ` +
          `(select max(a."at") from ${e} a where a."transmission_id" = t."id") as "status_since", ` +
          `(select count(*) from ${e} c where c."transmission_id" = t."id") as "history_length", ` +
          `(select count(*) from ${e} b where b."transmission_id" = t."id" and b."id" < ${queuedEvent}) as "queued_after" ` +
          `from ${t} t where (t."direction" = 'inbound' and t."status" in ('received', 'processing')) ` +
          `or (t."direction" = 'outbound' and t."status" in ('processed', 'processing'))) w ` +
          `where w."status_since" <= ? order by w."status_since", w."id" limit ?`,
        [this.sql.date(query.changedBefore), query.limit ?? DEFAULT_LIMIT],
      );
      return rows.map((row) => ({
        id: String(row['id']),
        direction: row['direction'] as TransmissionDirection,
        status: row['status'] as TransmissionStatus,
        partnerId: textOrNull(row['partner_id']),
        channel: row['channel'] as TransmissionChannel,
        sourceRef: textOrNull(row['source_ref']),
        statusSince: toDate(row['status_since']),
        historyLength: Number(row['history_length']),
        queuedAfter: Number(row['queued_after']),
      }));
    });
  }

  purchaseOrders(query: UnfinishedQuery): Promise<UnsettledPurchaseOrder[]> {
    return guard('finding unsettled purchase orders', async () => {
      const d = this.table(CanonicalDocumentRecordSchema);
      const o = this.table(OrderRecordSchema);
      const x = this.table(ExceptionRecordSchema);
      const openException = (subjectType: string, subject: string, kind: string) =>
        `exists (select 1 from ${x} x where x."subject_type" = '${subjectType}' and x."subject_id" = ${subject} ` +
        `and x."kind" = '${kind}' and x."status" = 'open')`;
      // The states the pipeline moves on by itself; held and refused orders only until their
      // exception is raised, after which they wait for staff.
      const movable =
        `(o."kind" = 'order' and o."status" = 'open') ` +
        `or (o."kind" = 'order' and o."status" = 'rejected' and o."ack_document_id" is null) ` +
        `or (o."kind" = 'cancellation' and o."status" = 'open') ` +
        `or (o."status" = 'on_hold' and not ${openException('order', 'o."id"', 'order-hold')}) ` +
        `or (o."kind" = 'cancellation' and o."status" = 'rejected' and not ${openException('order', 'o."id"', 'cancellation-rejected')})`;
      const before = this.sql.date(query.changedBefore);
      const rows = await this.all<Record<string, unknown>>(
        `select d."id", d."partner_id", d."created_at", o."kind", o."status", o."revision", o."updated_at", ` +
          `${this.sourceField('d', 'transmissionId')} as "transmission_id", ` +
          `${this.sourceField('d', 'interchangeControlNumber')} as "interchange_control_number" ` +
          `from ${d} d left join ${o} o on o."id" = d."id" ` +
          `where d."type" = 'purchase_order' ` +
          `and ((o."id" is null and d."created_at" <= ?) or (o."updated_at" <= ? and (${movable}))) ` +
          `and not ${openException('document', 'd."id"', 'processing-failed')} ` +
          `order by coalesce(o."updated_at", d."created_at"), d."id" limit ?`,
        [before, before, query.limit ?? DEFAULT_LIMIT],
      );
      return rows.map((row) => ({
        documentId: String(row['id']),
        partnerId: String(row['partner_id']),
        order:
          row['status'] === null || row['status'] === undefined
            ? null
            : {
                kind: row['kind'] as OrderKind,
                status: row['status'] as OrderStatus,
                revision: Number(row['revision']),
              },
        since: toDate(row['updated_at'] ?? row['created_at']),
        transmissionId: textOrNull(row['transmission_id']),
        interchangeControlNumber: textOrNull(row['interchange_control_number']),
      }));
    });
  }

  purchaseOrdersOf(interchanges: readonly InterchangeKey[]): Promise<InterchangePurchaseOrders[]> {
    return guard(`finding the purchase orders of ${interchanges.length} interchange(s)`, async () => {
      const wanted = new Set(interchanges.map((i) => `${i.transmissionId}\u0000${i.controlNumber}`));
      // Ids that are no transmission's (the column is a uuid on PostgreSQL) carry nothing.
      const transmissionIds = [...new Set(interchanges.map((i) => i.transmissionId))].filter((id) =>
        UUID.test(id),
      );
      const found = new Map<string, InterchangePurchaseOrders>();
      for (const part of chunks(transmissionIds, 1)) {
        const rows = await this.all<{ id: string; transmission_id: string; control_number: string }>(
          `select d."id", i."transmission_id", i."control_number" from ${this.table(CanonicalDocumentRecordSchema)} d ` +
            `join ${this.table(TransactionSetRecordSchema)} s on s."id" = d."transaction_set_id" ` +
            `join ${this.table(GroupRecordSchema)} g on g."id" = s."group_id" ` +
            `join ${this.table(InterchangeRecordSchema)} i on i."id" = g."interchange_id" ` +
            `where d."type" = 'purchase_order' and i."direction" = 'inbound' ` +
            `and i."transmission_id" in (${part.map(() => '?').join(', ')}) ` +
            `order by i."transmission_id", i."control_number", s."id", d."id"`,
          part,
        );
        for (const row of rows) {
          const key = `${String(row.transmission_id)}\u0000${row.control_number}`;
          if (!wanted.has(key)) continue;
          const entry = found.get(key) ?? {
            transmissionId: String(row.transmission_id),
            controlNumber: row.control_number,
            documentIds: [],
          };
          entry.documentIds.push(row.id);
          found.set(key, entry);
        }
      }
      return [...found.values()];
    });
  }

  answerBatches(query: UnfinishedQuery & { sealedAfter: Date }): Promise<UnsentBatch[]> {
    return guard('finding unsent batches of 855s', async () => {
      const b = this.table(OutboundBatchSchema);
      const items = this.table(OutboundBatchItemSchema);
      const x = this.table(ExceptionRecordSchema);
      const rows = await this.all<Record<string, unknown>>(
        `select * from (select b."id", b."partner_id", b."expected", b."joined", b."created_at", b."sealed_at", ` +
          `(select count(*) from ${items} i where i."batch_id" = b."id" and i."answer_document_id" is not null) as "answers" ` +
          `from ${b} b where b."created_at" <= ? and (b."sealed_at" is null or b."sealed_at" >= ?) ` +
          `and not exists (select 1 from ${x} x where x."subject_type" = 'batch' and x."subject_id" = b."id" ` +
          `and x."kind" = 'processing-failed' and x."status" = 'open')) w ` +
          `where w."sealed_at" is null or w."answers" > 0 order by w."created_at", w."id" limit ?`,
        [this.sql.date(query.changedBefore), this.sql.date(query.sealedAfter), query.limit ?? DEFAULT_LIMIT],
      );
      return rows.map((row) => ({
        id: String(row['id']),
        partnerId: String(row['partner_id']),
        expected: Number(row['expected']),
        joined: Number(row['joined']),
        createdAt: toDate(row['created_at']),
        sealedAt: row['sealed_at'] === null ? null : toDate(row['sealed_at']),
        answers: Number(row['answers']),
      }));
    });
  }

  private table(entity: object): string {
    return this.sql.table(entity as EntitySchema<never>);
  }

  /** A text field of a document's `source`, read from the JSON column. */
  private sourceField(alias: string, field: string): string {
    return this.sql.postgres
      ? `${alias}."document" #>> '{source,${field}}'`
      : `json_extract(${alias}."document", '$.source.${field}')`;
  }

  private all<T>(text: string, params: readonly unknown[]): Promise<T[]> {
    return this.sql.all<T>(this.orm.em.fork(), text, params);
  }
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A date as either driver returns it: a Date (PostgreSQL), epoch milliseconds or text (SQLite). */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value === 'string') return /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  throw new TypeError(`not a date: ${typeof value}`);
}
