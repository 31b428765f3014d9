/** Digest algorithms AS2 partners sign with (RFC 5751 names for the MIC, OIDs for CMS). */
export const DIGESTS = {
  sha1: { oid: '1.3.14.3.2.26', webCrypto: 'SHA-1', micalg: 'sha1', node: 'sha1' },
  sha256: { oid: '2.16.840.1.101.3.4.2.1', webCrypto: 'SHA-256', micalg: 'sha-256', node: 'sha256' },
  sha384: { oid: '2.16.840.1.101.3.4.2.2', webCrypto: 'SHA-384', micalg: 'sha-384', node: 'sha384' },
  sha512: { oid: '2.16.840.1.101.3.4.2.3', webCrypto: 'SHA-512', micalg: 'sha-512', node: 'sha512' },
} as const;
export type DigestName = keyof typeof DIGESTS;

/** Content ciphers of CMS EnvelopedData (CBC modes: the IV is the algorithm's parameter). */
export const CBC_CIPHERS = {
  'aes128-cbc': { oid: '2.16.840.1.101.3.4.1.2', node: 'aes-128-cbc', keyBytes: 16, ivBytes: 16 },
  'aes192-cbc': { oid: '2.16.840.1.101.3.4.1.22', node: 'aes-192-cbc', keyBytes: 24, ivBytes: 16 },
  'aes256-cbc': { oid: '2.16.840.1.101.3.4.1.42', node: 'aes-256-cbc', keyBytes: 32, ivBytes: 16 },
  '3des': { oid: '1.2.840.113549.3.7', node: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
} as const;
export type CbcCipherName = keyof typeof CBC_CIPHERS;

/**
 * Content ciphers of CMS AuthEnvelopedData (RFC 5084): the parameters are GCMParameters, a nonce
 * and the tag (ICV) length. We send the 12-byte nonce and 16-byte tag RFC 5084 recommends.
 */
export const GCM_CIPHERS = {
  'aes128-gcm': {
    oid: '2.16.840.1.101.3.4.1.6',
    node: 'aes-128-gcm',
    keyBytes: 16,
    nonceBytes: 12,
    tagBytes: 16,
  },
  'aes192-gcm': {
    oid: '2.16.840.1.101.3.4.1.26',
    node: 'aes-192-gcm',
    keyBytes: 24,
    nonceBytes: 12,
    tagBytes: 16,
  },
  'aes256-gcm': {
    oid: '2.16.840.1.101.3.4.1.46',
    node: 'aes-256-gcm',
    keyBytes: 32,
    nonceBytes: 12,
    tagBytes: 16,
  },
} as const;
export type GcmCipherName = keyof typeof GCM_CIPHERS;

/** Every content cipher we encrypt and decrypt with, whichever CMS structure carries it. */
export const CIPHERS = { ...CBC_CIPHERS, ...GCM_CIPHERS } as const;
export type CipherName = CbcCipherName | GcmCipherName;

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  authEnvelopedData: '1.2.840.113549.1.9.16.1.23',
  compressedData: '1.2.840.113549.1.9.16.1.9',
  zlibCompression: '1.2.840.113549.1.9.16.3.8',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaesOaep: '1.2.840.113549.1.1.7',
} as const;

/** The digest of an OID, if it is one we take. */
export function digestByOid(oid: string): DigestName | undefined {
  return (Object.keys(DIGESTS) as DigestName[]).find((name) => DIGESTS[name].oid === oid);
}

/** The cipher of an OID, if it is one we take. */
export function cipherByOid(oid: string): CipherName | undefined {
  return (Object.keys(CIPHERS) as CipherName[]).find((name) => CIPHERS[name].oid === oid);
}

/** Whether a cipher is AES-GCM, carried in AuthEnvelopedData rather than EnvelopedData. */
export function isGcm(cipher: CipherName): cipher is GcmCipherName {
  return cipher in GCM_CIPHERS;
}
