import { EntitySchema } from '@mikro-orm/core';

/** Who did what to which thing: every support operation (resend, reprocess...) leaves one. */
export interface AuditEvent {
  id: number;
  at: Date;
  /** A user name, `system`, or the worker that acted. */
  actor: string;
  /** A verb in kebab-case, e.g. `transmission-resent`. */
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown> | null;
}

export const AuditEventSchema = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    at: { type: 'datetime' },
    actor: { type: 'string', length: 128 },
    action: { type: 'string', length: 64 },
    subjectType: { type: 'string', length: 64 },
    subjectId: { type: 'string', length: 128 },
    details: { type: 'json', nullable: true },
  },
  indexes: [{ name: 'audit_event_subject_index', properties: ['subjectType', 'subjectId'] }],
});
