/**
 * CMS (RFC 5652) for AS2: detached signatures and enveloped (encrypted) content, interoperable
 * with `openssl cms`. pkijs builds and parses the structures; Node's crypto does the ciphers and
 * the RSA operations (PKCS#1 v1.5 key unwrapping, which Node 20 refuses, is unpadded in
 * `decrypt.ts`).
 */
export { CIPHERS, DIGESTS, type CipherName, type DigestName } from './algorithms.js';
export { decryptEnveloped, type Decryption } from './decrypt.js';
export { encryptEnveloped } from './encrypt.js';
export { certificateFromPem, certificateToPem, keyPairFromPem, type KeyPair } from './keys.js';
export { signDetached } from './sign.js';
export { verifyDetached, type SignatureCheck } from './verify.js';
