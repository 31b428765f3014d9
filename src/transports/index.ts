/**
 * Transports receive and deliver bytes for a partner. `Transport` is the port; each adapter
 * (`folder/`, `sftp/`) implements it and passes the shared contract suite in `test/contracts/`.
 */
export type { DeliveryContext, DeliveryReceipt, InboundFile, Transport } from './transport.js';
export { TransportError, isTransportError, type TransportErrorCode } from './transport-error.js';
export { isInProgressName } from './in-progress-names.js';
export {
  archiveFolderName,
  createFolderTransport,
  ensureGatewayFolder,
  isUnderDataDir,
  removeStaleStaging,
  type FolderTransportOptions,
  type FolderTransportSettings,
} from './folder/index.js';
export { createHttpTransport, type HttpTransportOptions, type HttpTransportSettings } from './http/index.js';
export {
  createSftpTransport,
  hostKeyFingerprint,
  type SftpCompletion,
  type SftpTransport,
  type SftpTransportOptions,
  type SftpTransportSettings,
} from './sftp/index.js';
