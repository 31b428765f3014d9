import { constants, privateDecrypt, publicEncrypt, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OIDS } from './algorithms.js';
import { certificateToPem, isCertificate, type KeyPair } from './keys.js';

/**
 * A KeyTransRecipientInfo carrying the content key wrapped for the partner's certificate with
 * RSA PKCS#1 v1.5, the key transport AS2 partners read (RFC 5652 and 3370). EnvelopedData and
 * AuthEnvelopedData hold the same one.
 */
export function keyTransRecipient(recipient: pkijs.Certificate, contentKey: Buffer): pkijs.RecipientInfo {
  const encryptedKey = publicEncrypt(
    { key: certificateToPem(recipient), padding: constants.RSA_PKCS1_PADDING },
    contentKey,
  );
  return new pkijs.RecipientInfo({
    variant: 1,
    value: new pkijs.KeyTransRecipientInfo({
      version: 0,
      rid: new pkijs.IssuerAndSerialNumber({
        issuer: recipient.issuer,
        serialNumber: recipient.serialNumber,
      }),
      keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OIDS.rsaEncryption,
        algorithmParams: new asn1js.Null(),
      }),
      encryptedKey: new asn1js.OctetString({ valueHex: encryptedKey }),
    }),
  });
}

export type ContentKey = { ok: true; key: Buffer; keyPair: KeyPair } | { ok: false; reason: string };

/**
 * The content key, `keyBytes` long, from the first recipient info addressed to one of our
 * certificates (during a rollover the old and the new one both decrypt), unwrapped with RSA
 * PKCS#1 v1.5 or OAEP (SHA-1).
 */
export function unwrapContentKey(
  recipientInfos: readonly pkijs.RecipientInfo[],
  keys: readonly KeyPair[],
  keyBytes: number,
): ContentKey {
  for (const recipientInfo of recipientInfos) {
    if (recipientInfo.variant !== 1) continue;
    const recipient = recipientInfo.value as pkijs.KeyTransRecipientInfo;
    const rid = recipient.rid;
    if (!(rid instanceof pkijs.IssuerAndSerialNumber)) continue;
    const keyPair = keys.find((pair) => isCertificate(pair.certificate, rid.issuer, rid.serialNumber));
    if (keyPair === undefined) continue;
    const wrapped = Buffer.from(recipient.encryptedKey.valueBlock.valueHexView);
    const key = unwrapKey(wrapped, recipient.keyEncryptionAlgorithm.algorithmId, keyPair, keyBytes);
    if (key?.length !== keyBytes)
      return { ok: false, reason: 'the content key does not decrypt with our key' };
    return { ok: true, key, keyPair };
  }
  return { ok: false, reason: 'the message is encrypted for none of our certificates' };
}

/**
 * Node 20 refuses RSA PKCS#1 v1.5 decryption (CVE-2023-46809), the key transport most AS2
 * partners still use, so the RSA operation is done without padding and the v1.5 padding is
 * checked here, in constant time for a key of the expected length: a bad padding yields a random
 * key (implicit rejection), which then fails to decrypt the content (or, with GCM, to match the
 * tag) like any wrong key, so that nothing tells padding errors apart. (With node-forge doing this
 * step, 1 KB messages opened at 23.8 per second; with this, 123.9: `npm run bench:as2`.)
 */
function unwrapKey(
  wrapped: Buffer,
  algorithm: string,
  keyPair: KeyPair,
  keyBytes: number,
): Buffer | undefined {
  try {
    if (algorithm === OIDS.rsaesOaep) {
      return privateDecrypt({ key: keyPair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped);
    }
    if (algorithm !== OIDS.rsaEncryption) return undefined;
    const block = privateDecrypt({ key: keyPair.privateKey, padding: constants.RSA_NO_PADDING }, wrapped);
    return pkcs1v15Key(block, keyBytes);
  } catch {
    return undefined;
  }
}

/** The message of an RSA PKCS#1 v1.5 encryption block (00 02 PS 00 M), M `length` long; see above. */
function pkcs1v15Key(block: Buffer, length: number): Buffer {
  const separator = block.length - length - 1;
  let bad = (block[0] ?? 1) | ((block[1] ?? 0) ^ 2) | (block[separator] ?? 1);
  // At least eight padding bytes, none of them zero.
  bad |= separator < 10 ? 1 : 0;
  for (let i = 2; i < separator; i++) bad |= (block[i] ?? 0) === 0 ? 1 : 0;
  const message = block.subarray(block.length - length);
  const random = randomBytes(length);
  const mask = bad === 0 ? 0 : 0xff;
  const key = Buffer.alloc(length);
  for (let i = 0; i < length; i++) key[i] = ((message[i] ?? 0) & ~mask) | ((random[i] ?? 0) & mask);
  return key;
}
