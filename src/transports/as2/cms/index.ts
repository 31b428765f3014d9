/**
 * CMS (RFC 5652) for AS2: detached signatures, enveloped (encrypted) content with CBC ciphers or
 * AES-GCM (AuthEnvelopedData, RFC 5083) and zlib-compressed content (RFC 3274), interoperable
 * with `openssl cms`. pkijs builds and parses the structures it models and asn1js the others;
 * Node's crypto does the ciphers and the RSA operations (PKCS#1 v1.5 key unwrapping, which
 * Node 20 refuses, is unpadded in `key-transport.ts`).
 */
export {
  CIPHERS,
  DIGESTS,
  type CbcCipherName,
  type CipherName,
  type DigestName,
  type GcmCipherName,
} from './algorithms.js';
export { compressData, decompressData, MAX_DECOMPRESSED_BYTES, type Decompression } from './compress.js';
export { decryptEnveloped, type Decryption } from './decrypt.js';
export { encryptEnveloped } from './encrypt.js';
export { certificateFromPem, certificateToPem, keyPairFromPem, type KeyPair } from './keys.js';
export { signDetached } from './sign.js';
export { verifyDetached, type SignatureCheck } from './verify.js';
