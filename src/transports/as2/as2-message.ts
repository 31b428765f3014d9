import { randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { DIGESTS, type CipherName, type DigestName } from './cms/algorithms.js';
import type { KeyPair } from './cms/keys.js';
import {
  decryptEntity,
  encryptEntity,
  entityBytes,
  header,
  mic,
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
  /** `"<base64>, sha-256"` over the signed payload entity. */
  mic: string;
}

const quote = (id: string) =>
  /^[!#-~]+$/.test(id) && !/["\\]/.test(id) ? id : `"${id.replace(/["\\]/g, '\\$&')}"`;

/**
 * The AS2 request for a file (RFC 4130): the payload entity signed, then encrypted for the
 * partner, with a signed MDN requested (sync, or async to `asyncMdnUrl`) in our signing digest.
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
  const signed = await signEntity(entity, settings.ours, settings.signing);
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
  return { messageId, headers, body: encrypted.body, mic: mic(entityBytes(entity), settings.signing) };
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
  | { ok: true; payload: MimeEntity; mic: string; encrypted: boolean; signed: boolean; mdn: MdnRequest }
  | { ok: false; error: MdnError; reason: string; mic?: string; mdn: MdnRequest };

/**
 * Opens a received AS2 message: decrypts it with one of our keys when it is encrypted, checks
 * its signature against the partner's certificates when it is signed, and computes the MIC the
 * MDN returns: over the signed entity as received, or over the payload entity when unsigned.
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
  if (/^application\/(x-)?pkcs7-mime/i.test(contentType())) {
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
  if (/^multipart\/signed/i.test(contentType())) {
    const checked = await verifySignedEntity(entity, keys.theirs);
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
    return {
      ok: true,
      payload: checked.entity,
      mic: mic(checked.signedBytes, checked.check.digest),
      encrypted,
      signed: true,
      mdn,
    };
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
    mdn,
  };
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
