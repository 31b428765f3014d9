export { createSftpTransport, type SftpTransport } from './sftp-transport.js';
export type { SftpTransportOptions, SftpTransportSettings } from './sftp-settings.js';
export type { Completion as SftpCompletion } from './completion.js';
export { hostKeyFingerprint } from './host-key.js';
