/**
 * AS2 (RFC 4130): the outbound transport, reading inbound messages and their MDNs, and each
 * partner's keys and certificates. Kept out of `transports/index.ts` because it loads the CMS
 * library, which commands that never speak AS2 need not load.
 */
export { openAs2Message, mdnRequest, type MdnRequest } from './as2-message.js';
export {
  checkMdn,
  createAs2Transport,
  type As2SentMessages,
  type As2TransportSettings,
} from './as2-transport.js';
export { certificateNotices } from './certificate-expiry.js';
export {
  as2CertificateFiles,
  as2PartnerKeys,
  as2TransportOf,
  as2TransportSettings,
  type As2PartnerKeys,
} from './partner-keys.js';
export {
  buildMdn,
  entityBytes,
  header,
  multipartParts,
  parameter,
  parseEntity,
  readMdn,
  type MdnError,
  type MimeEntity,
} from './mime/index.js';
