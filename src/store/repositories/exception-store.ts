import type { ExceptionStatus } from '../entities/exception-record.js';

/** An exception as raised by the core or the pipeline. */
export interface RaisedException {
  partnerId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  message: string;
  details?: Record<string, unknown> | null;
  /** Defaults to now. */
  at?: Date;
}

export interface StoredException {
  id: number;
  partnerId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  status: ExceptionStatus;
  message: string;
  details: Record<string, unknown> | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolution: Record<string, unknown> | null;
}

export interface ExceptionFilter {
  status?: ExceptionStatus;
  partnerId?: string;
  subjectType?: string;
  subjectId?: string;
  kind?: string;
  /** Default 100. */
  limit?: number;
}

/** The store's port for exceptions that wait for staff. */
export interface ExceptionStore {
  /**
   * Opens an exception unless one of the same subject and kind is open already, and returns the
   * open one's id either way: a job that runs twice raises it once.
   *
   * @example
   * await exceptions.raise({ partnerId: 'acme', subjectType: 'invoice', subjectId: 'INV-1', kind: 'short-payment', message: 'paid 90.00 of 100.00' });
   */
  raise(exception: RaisedException): Promise<number>;
  /**
   * Closes an open exception with who settled it and how. Fails with `not-found` when there is no
   * such exception and with `conflict` when it is resolved already.
   */
  resolve(id: number, by: string, resolution: Record<string, unknown>, at?: Date): Promise<StoredException>;
  get(id: number): Promise<StoredException | null>;
  /** Newest first. */
  list(filter?: ExceptionFilter): Promise<StoredException[]>;
}
