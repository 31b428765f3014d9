export {
  createFolderTransport,
  type FolderTransportOptions,
  type FolderTransportSettings,
} from './folder-transport.js';
export { archiveFolderName } from './archive.js';
export { ensureGatewayFolder, isUnderDataDir, removeStaleStaging } from './gateway-folders.js';
