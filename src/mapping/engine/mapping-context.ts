import type { CanonicalDocument } from '../../canonical/index.js';

/** Who a set is read for, stamped on the document it becomes. */
export interface MappingContext {
  /** The trading partner the interchange was identified as (ISA05/06 -> partner registry). */
  partnerId: string;
  /** The stored transmission the set was read from. */
  transmissionId?: string;
}

/** The properties every document starts with. */
export type DocumentHeader = Pick<CanonicalDocument, 'id' | 'partnerId' | 'source'>;
