export {
  createFolderTransport,
  type FolderTransportOptions,
  type FolderTransportSettings,
} from './folder-transport.js';
export { archiveFolderName } from './archive.js';
