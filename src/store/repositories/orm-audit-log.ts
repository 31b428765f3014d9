import type { MikroORM } from '@mikro-orm/core';
import { AuditEventSchema, type AuditEvent } from '../entities/audit-event.js';
import { guard } from '../store-error.js';
import { chunks } from './batch-sql.js';
import type { AuditEntry, AuditLog, AuditSubject, RecordedAuditEvent } from './audit-log.js';

/** `AuditLog` on MikroORM. */
export class OrmAuditLog implements AuditLog {
  constructor(private readonly orm: MikroORM) {}

  record(entry: AuditEntry): Promise<void> {
    return guard(`auditing ${entry.action} on ${entry.subjectType} ${entry.subjectId}`, async () => {
      await this.orm.em.fork().insert(AuditEventSchema, {
        at: entry.at ?? new Date(),
        actor: entry.actor,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        details: entry.details ?? null,
      });
    });
  }

  recordMany(entries: readonly AuditEntry[]): Promise<void> {
    return guard(`auditing ${entries.length} action(s)`, async () => {
      if (entries.length === 0) return;
      const em = this.orm.em.fork();
      const now = new Date();
      for (const part of chunks(entries, 6)) {
        await em.insertMany<AuditEvent>(
          AuditEventSchema,
          part.map((entry) => ({
            at: entry.at ?? now,
            actor: entry.actor,
            action: entry.action,
            subjectType: entry.subjectType,
            subjectId: entry.subjectId,
            details: entry.details ?? null,
          })),
        );
      }
    });
  }

  list(subject: AuditSubject): Promise<RecordedAuditEvent[]> {
    return guard(`reading the audit trail of ${subject.type} ${subject.id}`, async () => {
      const rows = await this.orm.em
        .fork()
        .find(
          AuditEventSchema,
          { subjectType: subject.type, subjectId: subject.id },
          { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        );
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        details: r.details,
      }));
    });
  }
}
