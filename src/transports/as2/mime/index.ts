export {
  entityBytes,
  header,
  multipartParts,
  parameter,
  parseEntity,
  type MimeEntity,
} from './mime-entity.js';
export {
  compressEntity,
  decompressEntity,
  decryptEntity,
  encryptEntity,
  mic,
  signEntity,
  verifySignedEntity,
  type SignedEntity,
} from './smime.js';
export { buildMdn, readMdn, MDN_ERRORS, type MdnError, type MdnReport, type ReadMdn } from './mdn.js';
