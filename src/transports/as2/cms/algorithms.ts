/** Digest algorithms AS2 partners sign with (RFC 5751 names for the MIC, OIDs for CMS). */
export const DIGESTS = {
  sha1: { oid: '1.3.14.3.2.26', webCrypto: 'SHA-1', micalg: 'sha1', node: 'sha1' },
  sha256: { oid: '2.16.840.1.101.3.4.2.1', webCrypto: 'SHA-256', micalg: 'sha-256', node: 'sha256' },
  sha384: { oid: '2.16.840.1.101.3.4.2.2', webCrypto: 'SHA-384', micalg: 'sha-384', node: 'sha384' },
  sha512: { oid: '2.16.840.1.101.3.4.2.3', webCrypto: 'SHA-512', micalg: 'sha-512', node: 'sha512' },
} as const;
export type DigestName = keyof typeof DIGESTS;

/** Content ciphers of CMS EnvelopedData (CBC modes: the IV is the algorithm's parameter). */
export const CIPHERS = {
  'aes128-cbc': { oid: '2.16.840.1.101.3.4.1.2', node: 'aes-128-cbc', keyBytes: 16, ivBytes: 16 },
  'aes192-cbc': { oid: '2.16.840.1.101.3.4.1.22', node: 'aes-192-cbc', keyBytes: 24, ivBytes: 16 },
  'aes256-cbc': { oid: '2.16.840.1.101.3.4.1.42', node: 'aes-256-cbc', keyBytes: 32, ivBytes: 16 },
  '3des': { oid: '1.2.840.113549.3.7', node: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
} as const;
export type CipherName = keyof typeof CIPHERS;

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
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
