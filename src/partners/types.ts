import type { Delimiters } from '../x12/index.js';
import type { MarketplacePartnerFile, X12PartnerFile } from './schema.js';
import type { AcknowledgementsFile } from './schema/acknowledgements.js';
import type {
  DocumentsFile,
  InvoiceOptions,
  PurchaseOrderAckOptions,
  ShipNoticeOptionsFile,
} from './schema/documents.js';
import type { PartyIdentityFile } from './schema/identity.js';
import type { X12SettingsFile } from './schema/x12-settings.js';

/**
 * The types of a loaded partner: the schema's types (`schema.ts`) with the defaults that depend on
 * other fields filled in, so that no consumer has to know the rules behind them.
 */

/** One side of the interchange: ISA05/06 and GS02 for them, ISA07/08 and GS03 for us. */
export type PartyIdentity = Required<PartyIdentityFile>;

export interface X12Settings extends Omit<X12SettingsFile, 'interchangeVersion' | 'delimiters'> {
  /** ISA12; `00401` for 004010, `00501` for 005010 unless the file says otherwise. */
  interchangeVersion: string;
  /** Exactly what the writer takes: `repetition` is set from ISA12 00402 on and `undefined` before. */
  delimiters: Delimiters;
}

export interface AcknowledgementPolicy extends Omit<AcknowledgementsFile, 'functional'> {
  /** What we answer their groups with: 997 for 004010, 999 for 005010, unless the file says otherwise. */
  functional: '997' | '999' | 'none';
}

export interface ShipNoticeOptions extends Omit<ShipNoticeOptionsFile, 'packageLabel'> {
  /** SSCC-18 carton labels (MAN*GM) at the pack level; `none` for the SOI hierarchy. */
  packageLabel: 'sscc-18' | 'none';
}

export interface DocumentFlow extends Omit<DocumentsFile, 'inbound' | 'outbound' | 'options'> {
  // Widened from the schema's TransactionSetId: callers ask "does this partner take ST01 x?" with
  // ids read from files, which are plain strings.
  inbound: string[];
  outbound: string[];
  options: { '855': PurchaseOrderAckOptions; '856': ShipNoticeOptions; '810': InvoiceOptions };
}

export interface X12PartnerConfig extends Omit<
  X12PartnerFile,
  'identity' | 'x12' | 'acknowledgements' | 'documents'
> {
  identity: { theirs: PartyIdentity; ours: PartyIdentity };
  x12: X12Settings;
  documents: DocumentFlow;
  acknowledgements: AcknowledgementPolicy;
}

export type MarketplacePartnerConfig = MarketplacePartnerFile;

/** A loaded, valid partner with every default applied. Tell the kinds apart by `kind`. */
export type PartnerConfig = X12PartnerConfig | MarketplacePartnerConfig;
