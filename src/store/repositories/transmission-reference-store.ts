import type { ReferenceKind } from '../entities/transmission-reference.js';

/** One number a transmission can be found by, as given (control numbers are normalised on write). */
export interface ReferenceEntry {
  kind: ReferenceKind;
  value: string;
}

/** The store's port for what transmissions are searched by. */
export interface TransmissionReferenceStore {
  /**
   * Records numbers a transmission carries. Idempotent: what is recorded already is left as it
   * is, so a job that runs twice adds nothing. Empty values are skipped; control numbers are kept
   * without leading zeros.
   *
   * @example
   * await references.add(id, [{ kind: 'po', value: '4500012345' }, { kind: 'isa13', value: '000000905' }]);
   */
  add(transmissionId: string, entries: readonly ReferenceEntry[]): Promise<void>;
  /** The numbers of several transmissions in one query, by transmission id (ids without any are absent). */
  of(transmissionIds: readonly string[]): Promise<Map<string, ReferenceEntry[]>>;
}
