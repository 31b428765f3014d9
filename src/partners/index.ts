/**
 * The partner registry: one YAML file per trading partner or marketplace account, validated
 * against a JSON Schema at load, with every problem reported by file, line and path.
 */
export { loadPartnerFile, loadPartners, type PartnerLoadOptions } from './load.js';
export { PartnerRegistry } from './registry.js';
export { nearestSenders, type NearSender } from './nearest-senders.js';
export { resolveSecret } from './secrets.js';
export { PartnerError, type PartnerErrorCode } from './partner-error.js';
export { formatProblem, type PartnerProblem } from './problem.js';
export { PartnerSchema, X12PartnerSchema, MarketplacePartnerSchema, type PartnerFile } from './schema.js';
export { TRANSACTION_SETS, type TransactionSetId } from './schema/documents.js';
export { ISA_ID_QUALIFIERS } from './schema/identity.js';
export type { SecretReference, EnvReference, FileReference } from './schema/secret.js';
export type {
  As2Transport,
  FolderTransport,
  HttpTransport,
  MarketplaceTransport,
  SftpTransport,
  X12Transport,
} from './schema/transport.js';
export type { BusinessSettings, AllocationRules } from './schema/business.js';
export type { DuplicatePolicy } from './schema/duplicates.js';
export type {
  EchoOptions,
  InvoiceOptions,
  PurchaseOrderAckOptions,
  PartnerMappings,
} from './schema/documents.js';
export type {
  AcknowledgementPolicy,
  DocumentFlow,
  MarketplacePartnerConfig,
  PartnerConfig,
  PartyIdentity,
  ShipNoticeOptions,
  X12PartnerConfig,
  X12Settings,
} from './types.js';
