import { randomBytes } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { DigestName } from '../cms/algorithms.js';
import type { KeyPair } from '../cms/keys.js';
import { header, multipartParts, parameter, parseEntity, type MimeEntity } from './mime-entity.js';
import { signEntity, verifySignedEntity } from './smime.js';

/**
 * The dispositions for a message that could not be processed: those RFC 4130 names, and
 * `decompression-failed` for compressed data that does not inflate (RFC 5402).
 */
export const MDN_ERRORS = [
  'decryption-failed',
  'authentication-failed',
  'integrity-check-failed',
  'decompression-failed',
  'unexpected-processing-error',
] as const;
export type MdnError = (typeof MDN_ERRORS)[number];

/** What an MDN reports about one received message. */
export interface MdnReport {
  /** Our AS2 name (the message's AS2-To). */
  reportingName: string;
  originalMessageId: string;
  /** `"<base64>, sha-256"` over what the sender signed; absent when nothing could be read. */
  mic?: string;
  /** Absent: processed. Otherwise the error the sender is told. */
  error?: MdnError;
  /** A sentence for the human-readable part. */
  explanation: string;
}

/**
 * A disposition notification (multipart/report) for a received message, signed with our key when
 * the sender asked for a signed MDN (`signWith`).
 *
 * @example
 * const mdn = await buildMdn({ reportingName: 'ACMESUPPLY', originalMessageId: '<1@them>', mic, explanation: 'Received.' }, { keyPair: ours, digest: 'sha256' });
 */
export async function buildMdn(
  report: MdnReport,
  signWith?: { keyPair: KeyPair; digest: DigestName },
): Promise<MimeEntity> {
  const boundary = `----=_edi_gateway_mdn_${randomBytes(12).toString('hex')}`;
  const disposition = `automatic-action/MDN-sent-automatically; processed${report.error === undefined ? '' : `/error: ${report.error}`}`;
  const fields = [
    `Reporting-UA: edi-gateway`,
    `Original-Recipient: rfc822; ${report.reportingName}`,
    `Final-Recipient: rfc822; ${report.reportingName}`,
    `Original-Message-ID: ${report.originalMessageId}`,
    ...(report.mic === undefined ? [] : [`Received-Content-MIC: ${report.mic}`]),
    `Disposition: ${disposition}`,
  ];
  const body = Buffer.from(
    `--${boundary}\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n${report.explanation}\r\n` +
      `--${boundary}\r\nContent-Type: message/disposition-notification\r\n\r\n${fields.join('\r\n')}\r\n` +
      `--${boundary}--\r\n`,
    'latin1',
  );
  const entity: MimeEntity = {
    headers: [
      ['Content-Type', `multipart/report; report-type=disposition-notification; boundary="${boundary}"`],
    ],
    body,
  };
  return signWith === undefined ? entity : signEntity(entity, signWith.keyPair, signWith.digest);
}

/** An MDN as read back: what it says, and whether its signature is the partner's. */
export interface ReadMdn {
  signed: boolean;
  /** Set when signed: the reason the signature was refused. */
  signatureProblem?: string;
  originalMessageId?: string;
  mic?: string;
  /** `processed`, or `processed/error: decryption-failed`... as sent. */
  disposition: string;
  /** The error or failure modifier's text, absent when processed. */
  error?: string;
}

/**
 * Reads an MDN (signed or not): the disposition notification's fields, and for a signed MDN
 * whether the partner's certificate verifies it. Throws when it is no MDN at all.
 *
 * @example
 * const mdn = await readMdn(parseEntity(responseBytes), [theirs]);
 * if (mdn.signatureProblem || mdn.error || mdn.mic !== sentMic) markFailed();
 */
export async function readMdn(entity: MimeEntity, trusted: readonly pkijs.Certificate[]): Promise<ReadMdn> {
  let report = entity;
  let signed = false;
  let signatureProblem: string | undefined;
  if (/^multipart\/signed/i.test(header(entity, 'Content-Type') ?? '')) {
    signed = true;
    const checked = await verifySignedEntity(entity, trusted);
    if (checked.ok) report = checked.entity;
    else {
      signatureProblem = checked.reason;
      const boundary = parameter(header(entity, 'Content-Type'), 'boundary') ?? '';
      const [first] = multipartParts(entity.body, boundary);
      if (first === undefined) throw new Error('the signed MDN holds no report');
      report = parseEntity(first);
    }
  }
  const boundary = parameter(header(report, 'Content-Type'), 'boundary');
  if (!/^multipart\/report/i.test(header(report, 'Content-Type') ?? '') || boundary === undefined) {
    throw new Error(
      `the MDN is not a multipart/report (Content-Type: ${header(report, 'Content-Type') ?? 'none'})`,
    );
  }
  const notification = multipartParts(report.body, boundary)
    .map((part) => parseEntity(part))
    .find((part) => /^message\/disposition-notification/i.test(header(part, 'Content-Type') ?? ''));
  if (notification === undefined) throw new Error('the MDN holds no message/disposition-notification part');
  const fields = parseEntity(Buffer.concat([notification.body, Buffer.from('\r\n\r\n')]));
  const disposition = (header(fields, 'Disposition') ?? '').replace(/^[^;]*;\s*/, '');
  const error = /\/(?:error|failure|warning)\s*:\s*(.+)$/i.exec(disposition)?.[1]?.trim();
  const originalMessageId = header(fields, 'Original-Message-ID');
  const mic = header(fields, 'Received-Content-MIC');
  return {
    signed,
    ...(signatureProblem === undefined ? {} : { signatureProblem }),
    ...(originalMessageId === undefined ? {} : { originalMessageId }),
    ...(mic === undefined ? {} : { mic }),
    disposition,
    ...(error === undefined ? {} : { error }),
  };
}
