import { randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { DIGESTS, type CipherName, type DigestName } from './cms/algorithms.js';
import type { KeyPair } from './cms/keys.js';
import {
  compressEntity,
  decompressEntity,
  decryptEntity,
  encryptEntity,
  entityBytes,
  header,
  mic,
  parameter,
  signEntity,
  verifySignedEntity,
  type MdnError,
  type MimeEntity,
} from './mime/index.js';

/** How we send to one partner (its file's `transport`, with the certificates loaded). */
export interface As2SendSettings {
  ourId: string;
  theirId: string;
  ours: KeyPair;
  theirs: pkijs.Certificate;
  signing: DigestName;
  encryption: CipherName;
  /** Compress (zlib) before signing. */
  compression?: boolean;
  /** Where an async MDN is to be posted; absent: the MDN comes back in the HTTP response. */
  asyncMdnUrl?: string;
}

/** An AS2 request ready to post, and the MIC its MDN must return. */
export interface As2Request {
  messageId: string;
  headers: Record<string, string>;
  body: Buffer;
  /** `"<base64>, sha-256"` over the entity signed: the payload, or its compressed-data entity. */
  mic: string;
}

const quote = (id: string) =>
  /^[!#-~]+$/.test(id) && !/["\\]/.test(id) ? id : `"${id.replace(/["\\]/g, '\\$&')}"`;

/**
 * The AS2 request for a file (RFC 4130): the payload entity signed, then encrypted for the
 * partner, with a signed MDN requested (sync, or async to `asyncMdnUrl`) in our signing digest.
 * With `compression` the payload entity is compressed first (compress, sign, encrypt: the order
 * RFC 5402 recommends), so the MIC is over the compressed-data entity, as the partner signs it.
 *
 * @example
 * const request = await as2Request(x12Bytes, 'application/edi-x12', settings, 'our.host.example');
 * await axios.post(url, request.body, { headers: request.headers });
 */
export async function as2Request(
  payload: Buffer,
  contentType: string,
  settings: As2SendSettings,
  domain: string,
  fileName?: string,
  messageId = newMessageId(domain),
): Promise<As2Request> {
  const entity: MimeEntity = {
    headers: [
      ['Content-Type', contentType],
      ['Content-Transfer-Encoding', 'binary'],
      ...(fileName === undefined
        ? []
        : ([['Content-Disposition', `attachment; filename="${fileName}"`]] as [string, string][])),
    ],
    body: payload,
  };
  // Base64 inside the signature, which S/MIME readers that split parts by line leave intact.
  const content =
    settings.compression === true ? compressEntity(entity, { transferEncoding: 'base64' }) : entity;
  const signed = await signEntity(content, settings.ours, settings.signing);
  const encrypted = encryptEntity(signed, settings.theirs, settings.encryption);
  const headers: Record<string, string> = {
    'AS2-Version': '1.2',
    'AS2-From': quote(settings.ourId),
    'AS2-To': quote(settings.theirId),
    'Message-ID': messageId,
    'MIME-Version': '1.0',
    'Content-Type': header(encrypted, 'Content-Type') ?? '',
    'Content-Transfer-Encoding': 'binary',
    'Disposition-Notification-To': settings.asyncMdnUrl ?? settings.ourId,
    'Disposition-Notification-Options': `signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, ${DIGESTS[settings.signing].micalg}`,
    ...(settings.asyncMdnUrl === undefined ? {} : { 'Receipt-Delivery-Option': settings.asyncMdnUrl }),
  };
  return { messageId, headers, body: encrypted.body, mic: mic(entityBytes(content), settings.signing) };
}

/** A Message-ID unique to this message: time, 64 random bits, and our domain. */
export function newMessageId(domain: string): string {
  return `<${Date.now()}.${randomBytes(8).toString('hex')}@${domain}>`;
}

/** What the sender asked for in return. */
export interface MdnRequest {
  /** Absent: no MDN was asked for. */
  wanted: boolean;
  signed: boolean;
  digest: DigestName;
  /** The URL of an async MDN; absent for a sync one (in the HTTP response). */
  asyncUrl?: string;
}

export type OpenedMessage =
  | {
      ok: true;
      payload: MimeEntity;
      mic: string;
      encrypted: boolean;
      signed: boolean;
      /** Whether a compressed-data entity was inflated on the way (either side of the signature). */
      compressed: boolean;
      mdn: MdnRequest;
    }
  | { ok: false; error: MdnError; reason: string; mic?: string; mdn: MdnRequest };

/**
 * Opens a received AS2 message: decrypts it with one of our keys when it is encrypted, checks
 * its signature against the partner's certificates when it is signed, and computes the MIC the
 * MDN returns: over the signed entity as received, or over the payload entity when unsigned.
 * Compressed data (RFC 5402) is inflated where the sender put it: outside the signature (the
 * signed entity inside it gives the MIC) or inside it (the MIC is over the compressed-data
 * entity as signed); one that does not inflate answers `decompression-failed`.
 * `requireSigned`/`requireEncrypted` refuse a message sent plainer than the partner file says.
 * Failures answer the RFC 4130 disposition to send, never an exception.
 *
 * @example
 * const opened = await openAs2Message(headers, body, { ours: [current, previous], theirs: [partnerCert] });
 */
export async function openAs2Message(
  headers: Record<string, string | undefined>,
  body: Buffer,
  keys: { ours: readonly KeyPair[]; theirs: readonly pkijs.Certificate[] },
  policy: { requireSigned: boolean; requireEncrypted: boolean } = {
    requireSigned: true,
    requireEncrypted: true,
  },
): Promise<OpenedMessage> {
  const mdn = mdnRequest(headers);
  let entity: MimeEntity = {
    headers: Object.entries(headers).flatMap(([k, v]) =>
      v === undefined || !/^content-/i.test(k) ? [] : [[k, v] as [string, string]],
    ),
    body,
  };
  const contentType = () => header(entity, 'Content-Type') ?? '';
  let encrypted = false;
  let compressed = false;
  if (/^application\/(x-)?pkcs7-mime/i.test(contentType()) && !isCompressedData(entity)) {
    const opened = decryptEntity(entity, keys.ours);
    if (!opened.ok) return { ok: false, error: 'decryption-failed', reason: opened.reason, mdn };
    entity = opened.entity;
    encrypted = true;
  } else if (policy.requireEncrypted) {
    return {
      ok: false,
      error: 'decryption-failed',
      reason: `the message is not encrypted (Content-Type: ${contentType()})`,
      mdn,
    };
  }
  if (isCompressedData(entity)) {
    const inflated = decompressEntity(entity);
    if (!inflated.ok) return { ok: false, error: 'decompression-failed', reason: inflated.reason, mdn };
    entity = inflated.entity;
    compressed = true;
  }
  if (/^multipart\/signed/i.test(contentType())) {
    return openSigned(entity, keys.theirs, { encrypted, compressed, mdn });
  }
  if (policy.requireSigned) {
    return { ok: false, error: 'authentication-failed', reason: 'the message is not signed', mdn };
  }
  return {
    ok: true,
    payload: entity,
    mic: mic(entityBytes(entity), mdn.digest),
    encrypted,
    signed: false,
    compressed,
    mdn,
  };
}

/**
 * A multipart/signed entity checked against the partner's certificates; signed content that is
 * compressed-data is inflated, the MIC staying over the content as signed.
 */
async function openSigned(
  entity: MimeEntity,
  theirs: readonly pkijs.Certificate[],
  opened: { encrypted: boolean; compressed: boolean; mdn: MdnRequest },
): Promise<OpenedMessage> {
  const { mdn } = opened;
  const checked = await verifySignedEntity(entity, theirs);
  if (!checked.ok) {
    const error = /digest|does not verify/i.test(checked.reason)
      ? 'integrity-check-failed'
      : 'authentication-failed';
    return {
      ok: false,
      error,
      reason: checked.reason,
      ...(checked.signedBytes === undefined ? {} : { mic: mic(checked.signedBytes, mdn.digest) }),
      mdn,
    };
  }
  const signedMic = mic(checked.signedBytes, checked.check.digest);
  if (!isCompressedData(checked.entity)) {
    return { ok: true, ...opened, payload: checked.entity, mic: signedMic, signed: true };
  }
  const inflated = decompressEntity(checked.entity);
  if (!inflated.ok) {
    return { ok: false, error: 'decompression-failed', reason: inflated.reason, mic: signedMic, mdn };
  }
  return { ok: true, ...opened, payload: inflated.entity, mic: signedMic, signed: true, compressed: true };
}

/**
 * Whether an entity is S/MIME compressed-data: its smime-type says so, or, when it names none,
 * its `.p7z` name does (enveloped data is `.p7m`).
 */
function isCompressedData(entity: MimeEntity): boolean {
  const contentType = header(entity, 'Content-Type') ?? '';
  if (!/^application\/(x-)?pkcs7-mime/i.test(contentType)) return false;
  const smimeType = parameter(contentType, 'smime-type');
  if (smimeType !== undefined) return smimeType.toLowerCase() === 'compressed-data';
  const name = parameter(contentType, 'name') ?? parameter(header(entity, 'Content-Disposition'), 'filename');
  return name !== undefined && /\.p7z$/i.test(name);
}

/** The MDN the sender asked for, from Disposition-Notification-To/-Options and Receipt-Delivery-Option. */
export function mdnRequest(headers: Record<string, string | undefined>): MdnRequest {
  const get = (name: string) =>
    Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const options = get('Disposition-Notification-Options') ?? '';
  const wantedDigests = options
    .slice(options.toLowerCase().indexOf('signed-receipt-micalg'))
    .split(/[=,;]/)
    .map((s) => s.trim().toLowerCase());
  const digest =
    (Object.keys(DIGESTS) as DigestName[]).find((name) => wantedDigests.includes(DIGESTS[name].micalg)) ??
    'sha256';
  const asyncUrl = get('Receipt-Delivery-Option');
  return {
    wanted: get('Disposition-Notification-To') !== undefined,
    signed: /pkcs7-signature/i.test(options),
    digest,
    ...(asyncUrl === undefined ? {} : { asyncUrl }),
  };
}
