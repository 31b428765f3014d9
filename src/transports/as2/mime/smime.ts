import { createHash, randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { DIGESTS, isGcm, type CipherName, type DigestName } from '../cms/algorithms.js';
import { compressData, decompressData } from '../cms/compress.js';
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

/**
 * An application/pkcs7-mime entity holding the entity, encrypted for `recipient`: smime-type
 * enveloped-data for the CBC ciphers, authEnveloped-data for AES-GCM (RFC 5083 section 3).
 *
 * @example
 * const outbound = encryptEntity(signed, theirs, 'aes256-gcm');
 */
export function encryptEntity(
  entity: MimeEntity,
  recipient: pkijs.Certificate,
  cipher: CipherName,
): MimeEntity {
  const smimeType = isGcm(cipher) ? 'authEnveloped-data' : 'enveloped-data';
  return {
    headers: [
      ['Content-Type', `application/pkcs7-mime; smime-type=${smimeType}; name=smime.p7m`],
      ['Content-Transfer-Encoding', 'binary'],
      ['Content-Disposition', 'attachment; filename=smime.p7m'],
    ],
    body: encryptEnveloped(entityBytes(entity), recipient, cipher),
  };
}

/**
 * An application/pkcs7-mime entity (enveloped-data or authEnveloped-data) opened with one of our
 * keys: the inner entity, parsed. The CMS content type decides how it is opened; an entity that
 * says it is another smime-type (compressed-data, signed-data) is refused.
 *
 * @example
 * const opened = decryptEntity(received, [current, previous]);
 * if (opened.ok) await verifySignedEntity(opened.entity, theirs);
 */
export function decryptEntity(
  entity: MimeEntity,
  keys: readonly KeyPair[],
): (Decryption & { ok: false }) | { ok: true; entity: MimeEntity; cipher: CipherName } {
  const wrong = smimeTypeOtherThan(entity, ['enveloped-data', 'authenveloped-data']);
  if (wrong !== undefined) return { ok: false, reason: wrong };
  const opened = decryptEnveloped(cmsBytes(entity), keys);
  if (!opened.ok) return opened;
  const inner = innerEntity(opened.content, 'decrypted');
  return inner.ok ? { ...inner, cipher: opened.cipher } : inner;
}

/**
 * An application/pkcs7-mime compressed-data entity holding the entity, zlib-compressed
 * (RFC 3274, as AS2 uses it: RFC 5402). Sent `binary` unless `transferEncoding` says `base64`,
 * which an entity to be signed wants: S/MIME readers that split multipart/signed line by line
 * (openssl's among them) rewrite the line ends of a binary part, and the signature no longer holds.
 *
 * @example
 * const compressed = compressEntity(payload, { transferEncoding: 'base64' });
 * const signed = await signEntity(compressed, ours, 'sha256');
 */
export function compressEntity(
  entity: MimeEntity,
  { transferEncoding = 'binary' }: { transferEncoding?: 'binary' | 'base64' } = {},
): MimeEntity {
  const der = compressData(entityBytes(entity));
  return {
    headers: [
      ['Content-Type', 'application/pkcs7-mime; smime-type=compressed-data; name=smime.p7z'],
      ['Content-Transfer-Encoding', transferEncoding],
      ['Content-Disposition', 'attachment; filename=smime.p7z'],
    ],
    body:
      transferEncoding === 'base64'
        ? Buffer.from(der.toString('base64').replace(/.{76}(?!$)/g, '$&\r\n'))
        : der,
  };
}

/**
 * An application/pkcs7-mime compressed-data entity inflated: the inner entity, parsed. Never
 * throws for bad input; an entity that says it is another smime-type is refused.
 *
 * @example
 * const inflated = decompressEntity(received);
 * if (inflated.ok) deliver(inflated.entity);
 */
export function decompressEntity(
  entity: MimeEntity,
): { ok: true; entity: MimeEntity } | { ok: false; reason: string } {
  const wrong = smimeTypeOtherThan(entity, ['compressed-data']);
  if (wrong !== undefined) return { ok: false, reason: wrong };
  const inflated = decompressData(cmsBytes(entity));
  return inflated.ok ? innerEntity(inflated.content, 'decompressed') : inflated;
}

/** The CMS bytes of an application/pkcs7-mime entity, sent binary or base64. */
function cmsBytes(entity: MimeEntity): Buffer {
  const encoding = header(entity, 'Content-Transfer-Encoding')?.toLowerCase();
  return encoding === 'base64' ? Buffer.from(entity.body.toString('latin1'), 'base64') : entity.body;
}

/**
 * Why the entity's smime-type is none of `expected` (lower case), or undefined when it is one or
 * names none (some partners leave it out; the CMS content type is checked in any case).
 */
function smimeTypeOtherThan(entity: MimeEntity, expected: readonly string[]): string | undefined {
  const smimeType = parameter(header(entity, 'Content-Type'), 'smime-type');
  if (smimeType === undefined || expected.includes(smimeType.toLowerCase())) return undefined;
  return `the entity is smime-type=${smimeType}, not ${expected.join(' or ')}`;
}

function innerEntity(
  bytes: Buffer,
  how: string,
): { ok: true; entity: MimeEntity } | { ok: false; reason: string } {
  try {
    return { ok: true, entity: parseEntity(bytes) };
  } catch (error) {
    return { ok: false, reason: `the ${how} content is not a MIME entity: ${(error as Error).message}` };
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
