/** One thing someone did, as given to `AuditLog.record`. */
export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown> | null;
  /** Defaults to now. */
  at?: Date;
}

export interface RecordedAuditEvent {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown> | null;
}

export interface AuditSubject {
  type: string;
  id: string;
}

/** The store's port for the audit trail. Entries are never changed or removed. */
export interface AuditLog {
  /**
   * @example
   * await audit.record({ actor: 'alice', action: 'transmission-resent', subjectType: 'transmission', subjectId: id });
   */
  record(entry: AuditEntry): Promise<void>;
  /**
   * Several entries in one insert.
   *
   * @example
   * await audit.recordMany(orders.map((o) => ({ actor: 'pipeline', action: 'order-received', subjectType: 'order', subjectId: o.id })));
   */
  recordMany(entries: readonly AuditEntry[]): Promise<void>;
  /** What was done to one subject, oldest first. */
  list(subject: AuditSubject): Promise<RecordedAuditEvent[]>;
}
