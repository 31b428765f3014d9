import type { CanonicalDocument, CanonicalDocumentType, Draft } from '../../canonical/index.js';
import type { LoopInstance, TransactionSet } from '../../x12/index.js';
import type { ElementReader } from './element-reader.js';

/** What the caller knows about the set beyond its bytes. */
export interface MappingContext {
  /** The trading partner the interchange was identified as (ISA05/06 -> partner registry). */
  partnerId: string;
  /** The stored transmission the set was read from. */
  transmissionId?: string;
  /**
   * Currency of amounts when the set carries no CUR segment: X12 leaves it to the trading
   * agreement, so it comes from the partner's configuration. `USD` where none is given.
   */
  defaultCurrency?: string;
}

/** The properties every document starts with, prepared by the mapping entry point. */
export type DocumentHeader = Pick<CanonicalDocument, 'id' | 'partnerId' | 'source'>;

/** Everything a mapper reads from. */
export interface SetMapping {
  readonly set: TransactionSet;
  /** The loop tree of the set, root `ST`. */
  readonly tree: LoopInstance;
  /** Converts element values and collects the diagnostics of values it cannot convert. */
  readonly elements: ElementReader;
  readonly header: DocumentHeader;
  readonly context: MappingContext;
}

/**
 * Maps one kind of transaction set to one canonical document. A mapper builds a draft; the entry
 * point checks it against the canonical schema, so a mapper never has to invent a value it could
 * not read. It returns `undefined` only where the set lacks the segment that defines the document
 * (BEG, BSN...), after recording a diagnostic.
 */
export interface TransactionSetMapper {
  /** ST01 values this mapper reads. */
  readonly transactionSetIds: readonly string[];
  readonly documentType: CanonicalDocumentType;
  map(input: SetMapping): Draft<CanonicalDocument> | undefined;
}
