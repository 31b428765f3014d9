import { createHash, randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { DIGESTS, type CipherName, type DigestName } from '../cms/algorithms.js';
import { decryptEnveloped, type Decryption } from '../cms/decrypt.js';
import { encryptEnveloped } from '../cms/encrypt.js';
import type { KeyPair } from '../cms/keys.js';
import { signDetached } from '../cms/sign.js';
import { verifyDetached, type SignatureCheck } from '../cms/verify.js';
import {
  entityBytes,
  header,
  multipartParts,
  parameter,
  parseEntity,
  type MimeEntity,
} from './mime-entity.js';

/**
 * The MIC of an entity as RFC 4130 returns it in a signed MDN: the base64 digest and the
 * algorithm's name, `"<base64>, sha-256"`.
 *
 * @example
 * mic(entityBytes(payload), 'sha256'); // 'Xk3u...=, sha-256'
 */
export function mic(bytes: Uint8Array, digest: DigestName): string {
  const { node, micalg } = DIGESTS[digest];
  return `${createHash(node).update(bytes).digest('base64')}, ${micalg}`;
}

/**
 * A multipart/signed entity: the entity as first part, its detached CMS signature (base64) as
 * the second. The signature covers the first part's canonical bytes.
 */
export async function signEntity(
  entity: MimeEntity,
  signer: KeyPair,
  digest: DigestName,
): Promise<MimeEntity> {
  const signedBytes = entityBytes(entity);
  const signature = await signDetached(signedBytes, signer, digest);
  const boundary = `----=_edi_gateway_${randomBytes(12).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\n`),
    signedBytes,
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n` +
        `Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=smime.p7s\r\n\r\n` +
        `${signature.toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--${boundary}--\r\n`,
    ),
  ]);
  return {
    headers: [
      [
        'Content-Type',
        `multipart/signed; protocol="application/pkcs7-signature"; micalg=${DIGESTS[digest].micalg}; boundary="${boundary}"`,
      ],
    ],
    body,
  };
}

/** An application/pkcs7-mime enveloped-data entity holding the entity, encrypted for `recipient`. */
export function encryptEntity(
  entity: MimeEntity,
  recipient: pkijs.Certificate,
  cipher: CipherName,
): MimeEntity {
  return {
    headers: [
      ['Content-Type', 'application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m'],
      ['Content-Transfer-Encoding', 'binary'],
      ['Content-Disposition', 'attachment; filename=smime.p7m'],
    ],
    body: encryptEnveloped(entityBytes(entity), recipient, cipher),
  };
}

/** An application/pkcs7-mime entity opened with one of our keys: the inner entity, parsed. */
export function decryptEntity(
  entity: MimeEntity,
  keys: readonly KeyPair[],
): (Decryption & { ok: false }) | { ok: true; entity: MimeEntity; cipher: CipherName } {
  const encoding = header(entity, 'Content-Transfer-Encoding')?.toLowerCase();
  const der = encoding === 'base64' ? Buffer.from(entity.body.toString('latin1'), 'base64') : entity.body;
  const opened = decryptEnveloped(der, keys);
  if (!opened.ok) return opened;
  try {
    return { ok: true, entity: parseEntity(opened.content), cipher: opened.cipher };
  } catch (error) {
    return { ok: false, reason: `the decrypted content is not a MIME entity: ${(error as Error).message}` };
  }
}

export type SignedEntity =
  | { ok: true; entity: MimeEntity; signedBytes: Buffer; check: SignatureCheck & { valid: true } }
  | { ok: false; reason: string; signedBytes?: Buffer };

/**
 * The first part of a multipart/signed entity, with its signature checked against the partner's
 * certificates over the part's bytes exactly as received (so the MIC is theirs).
 */
export async function verifySignedEntity(
  entity: MimeEntity,
  trusted: readonly pkijs.Certificate[],
): Promise<SignedEntity> {
  const boundary = parameter(header(entity, 'Content-Type'), 'boundary');
  if (boundary === undefined) return { ok: false, reason: 'the multipart/signed entity names no boundary' };
  const [signedBytes, signaturePart] = multipartParts(entity.body, boundary);
  if (signedBytes === undefined || signaturePart === undefined) {
    return { ok: false, reason: 'the multipart/signed entity does not hold two parts' };
  }
  const signatureEntity = parseEntity(signaturePart);
  const encoding = header(signatureEntity, 'Content-Transfer-Encoding')?.toLowerCase();
  const signature =
    encoding === 'base64'
      ? Buffer.from(signatureEntity.body.toString('latin1'), 'base64')
      : signatureEntity.body;
  const check = await verifyDetached(signedBytes, signature, trusted);
  if (!check.valid) return { ok: false, reason: check.reason, signedBytes };
  return { ok: true, entity: parseEntity(signedBytes), signedBytes, check };
}
