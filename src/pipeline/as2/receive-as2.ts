import type { Logger } from '../../observability/index.js';
import type { As2Transport, PartnerRegistry, X12PartnerConfig } from '../../partners/index.js';
import type { Repositories } from '../../store/index.js';
import {
  as2PartnerKeys,
  type As2PartnerKeys,
  buildMdn,
  entityBytes,
  header,
  type MdnError,
  mdnRequest,
  type MdnRequest,
  type MimeEntity,
  openAs2Message,
  parameter,
  parseEntity,
} from '../../transports/as2/index.js';
import { intakeOnce } from '../intake.js';
import type { JobQueue } from '../job-queue.js';
import { isMdn, receiveMdn } from './receive-mdn.js';

/** What the AS2 route needs. */
export interface ReceiveAs2Deps {
  partners: PartnerRegistry;
  repositories: Pick<Repositories, 'transmissions' | 'as2Messages' | 'exceptions'>;
  queues: JobQueue;
  logger?: Logger;
  env?: Readonly<Record<string, string | undefined>>;
}

/** An MDN to post to the sender's URL once the HTTP answer is given. */
export interface AsyncMdn {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The HTTP answer to an AS2 post, and what was done with it. */
export interface As2Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  asyncMdn?: AsyncMdn;
  outcome: 'stored' | 'duplicate' | 'refused' | 'unknown-partner' | 'bad-request' | 'mdn';
  partnerId?: string;
  transmissionId?: string;
  /** Why it was refused, for the log. */
  reason?: string;
}

/** A header's value without regard to case, with the quotes of a quoted AS2 name removed. */
export function requestHeader(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  const value = Object.entries(headers)
    .find(([k]) => k.toLowerCase() === wanted)?.[1]
    ?.trim();
  if (value === undefined) return undefined;
  return /^".*"$/.test(value) ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
}

const text = (status: number, message: string, outcome: As2Answer['outcome']): As2Answer => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: Buffer.from(`${message}\n`),
  outcome,
  reason: message,
});

/**
 * Takes one AS2 post (RFC 4130). AS2-From and AS2-To select an enabled AS2 partner; an unknown
 * pair is refused (403) before anything of the body is read. A message already answered under
 * its Message-ID gets the same MDN again and nothing is stored. Otherwise it is decrypted with
 * one of our keys, its signature checked against the partner's certificates, and its payload
 * stored as a transmission and queued; only then is the MDN the sender asked for built (sync:
 * the answer; async: posted after it). A message that cannot be opened is kept as a `rejected`
 * transmission and answered with a negative MDN naming the RFC 4130 error; a payload the store
 * cannot take is answered `unexpected-processing-error`, so the sender sends it again. An MDN
 * posted here (an async MDN for one of ours) settles the message it answers.
 *
 * @example
 * const answer = await receiveAs2(req.headers, body, deps);
 * res.status(answer.status).set(answer.headers).end(answer.body);
 */
export async function receiveAs2(
  headers: Readonly<Record<string, string | undefined>>,
  body: Buffer,
  deps: ReceiveAs2Deps,
): Promise<As2Answer> {
  const from = requestHeader(headers, 'AS2-From');
  const to = requestHeader(headers, 'AS2-To');
  const messageId = requestHeader(headers, 'Message-ID');
  if (from === undefined || to === undefined) {
    return text(400, 'AS2-From and AS2-To are required', 'bad-request');
  }
  const found = as2Partner(deps.partners, from, to);
  if (found === undefined) {
    return text(
      403,
      `no AS2 partner is set up with AS2-From "${from}" and AS2-To "${to}"`,
      'unknown-partner',
    );
  }
  const { partner, transport } = found;
  let keys: As2PartnerKeys;
  try {
    keys = as2PartnerKeys(partner.id, transport, deps.env);
  } catch (error) {
    deps.logger?.error(
      { partnerId: partner.id, err: error },
      `AS2: the keys of ${partner.id} cannot be used`,
    );
    return {
      ...text(500, 'the gateway cannot read its AS2 keys for this partner', 'bad-request'),
      partnerId: partner.id,
    };
  }
  const contentHeaders = Object.entries(headers).flatMap(([k, v]) =>
    v === undefined || !/^content-/i.test(k) ? [] : [[k, v] as [string, string]],
  );
  if (isMdn({ headers: contentHeaders, body })) {
    const settled = await receiveMdn(partner, { headers: contentHeaders, body }, keys, deps);
    return { ...text(settled.status, settled.message, 'mdn'), partnerId: partner.id };
  }
  if (messageId === undefined) return text(400, 'Message-ID is required', 'bad-request');
  const request = mdnRequest(headers);
  const ours = { partner, keys, request, messageId };

  const earlier = await deps.repositories.as2Messages.received(partner.id, messageId);
  if (earlier !== null) {
    const mdn = earlier.mdn === null ? undefined : parseEntity(earlier.mdn);
    return {
      ...answerWith(mdn, ours),
      outcome: 'duplicate',
      partnerId: partner.id,
      ...(earlier.transmissionId === null ? {} : { transmissionId: earlier.transmissionId }),
    };
  }

  const opened = await openAs2Message(headers, body, keys);
  if (!opened.ok) {
    const transmissionId = await keepRefused(
      headers,
      body,
      partner,
      messageId,
      `${opened.error}: ${opened.reason}`,
      deps,
    );
    const mdn = await mdnFor(ours, {
      error: opened.error,
      explanation: `The message ${messageId} was not processed: ${opened.reason}.`,
      ...(opened.mic === undefined ? {} : { mic: opened.mic }),
    });
    return {
      ...answerWith(mdn, ours),
      outcome: 'refused',
      partnerId: partner.id,
      reason: `${opened.error}: ${opened.reason}`,
      ...(transmissionId === undefined ? {} : { transmissionId }),
    };
  }

  const payload = payloadBytes(opened.payload);
  let stored;
  try {
    stored = await intakeOnce(
      payload,
      {
        channel: 'as2',
        sourceRef: messageId,
        partnerId: partner.id,
        intakeKey: `as2|${partner.id}|${messageId}`,
      },
      { transmissions: deps.repositories.transmissions, queues: deps.queues },
    );
  } catch (error) {
    deps.logger?.error({ partnerId: partner.id, messageId, err: error }, `AS2: storing ${messageId} failed`);
    const mdn = await mdnFor(ours, {
      error: 'unexpected-processing-error',
      mic: opened.mic,
      explanation: `The message ${messageId} could not be stored now and was not processed; send it again.`,
    });
    return {
      ...answerWith(mdn, ours),
      outcome: 'refused',
      partnerId: partner.id,
      reason: 'the store failed',
    };
  }
  const mdn = await mdnFor(ours, {
    mic: opened.mic,
    explanation: `The message ${messageId} was received and stored${fileNameOf(opened.payload) === undefined ? '' : ` (${fileNameOf(opened.payload)})`}.`,
  });
  // Stored first: a failure to remember the MDN only means a resend gets a new, equal one (the
  // payload's intake key still finds the stored transmission).
  await deps.repositories.as2Messages
    .recordReceived({
      partnerId: partner.id,
      messageId,
      transmissionId: stored.transmissionId,
      mic: opened.mic,
      disposition: 'processed',
      mdnMode: !request.wanted ? 'none' : request.asyncUrl === undefined ? 'sync' : 'async',
      mdn: mdn === undefined ? null : entityBytes(mdn),
    })
    .catch((error: unknown) => {
      deps.logger?.error(
        { partnerId: partner.id, messageId, err: error },
        `AS2: recording the MDN of ${messageId} failed`,
      );
    });
  return {
    ...answerWith(mdn, ours),
    outcome: stored.duplicate ? 'duplicate' : 'stored',
    partnerId: partner.id,
    transmissionId: stored.transmissionId,
  };
}

/** The enabled AS2 partner with these ids (AS2 names compare exactly, RFC 4130 section 6.2). */
function as2Partner(
  partners: PartnerRegistry,
  from: string,
  to: string,
): { partner: X12PartnerConfig; transport: As2Transport } | undefined {
  for (const partner of partners.all()) {
    if (partner.kind !== 'x12' || !partner.enabled || partner.transport.type !== 'as2') continue;
    const transport = partner.transport;
    if (transport.theirId === from && transport.ourId === to) return { partner, transport };
  }
  return undefined;
}

interface Answering {
  partner: X12PartnerConfig;
  keys: As2PartnerKeys;
  request: MdnRequest;
  messageId: string;
}

/** The MDN the sender asked for (signed when asked), or undefined when none was. */
async function mdnFor(
  answering: Answering,
  report: { error?: MdnError; mic?: string; explanation: string },
): Promise<MimeEntity | undefined> {
  const { request, keys, partner, messageId } = answering;
  if (!request.wanted) return undefined;
  const [signer] = keys.ours;
  return buildMdn(
    {
      reportingName: partner.transport.type === 'as2' ? partner.transport.ourId : partner.id,
      originalMessageId: messageId,
      ...report,
    },
    request.signed && signer !== undefined ? { keyPair: signer, digest: request.digest } : undefined,
  );
}

/** The HTTP answer carrying an MDN (sync), or announcing one (async), or empty. */
function answerWith(mdn: MimeEntity | undefined, answering: Answering): Omit<As2Answer, 'outcome'> {
  if (mdn === undefined) return { status: 200, headers: {}, body: Buffer.alloc(0) };
  const transport = answering.partner.transport;
  const as2Headers: Record<string, string> = {
    'AS2-Version': '1.2',
    'AS2-From': transport.type === 'as2' ? quoteName(transport.ourId) : '',
    'AS2-To': transport.type === 'as2' ? quoteName(transport.theirId) : '',
    'Message-ID': `<mdn.${Date.now()}.${Math.random().toString(36).slice(2)}@edi-gateway>`,
    'MIME-Version': '1.0',
  };
  for (const [name, value] of mdn.headers) as2Headers[name] = value;
  const { asyncUrl } = answering.request;
  if (asyncUrl !== undefined && /^https?:\/\//i.test(asyncUrl)) {
    return {
      status: 200,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: Buffer.from(`received; the MDN goes to ${asyncUrl}\n`),
      asyncMdn: { url: asyncUrl, headers: as2Headers, body: mdn.body },
    };
  }
  return { status: 200, headers: as2Headers, body: mdn.body };
}

const quoteName = (id: string) => (/^[!#-~]+$/.test(id) ? id : `"${id.replace(/["\\]/g, '\\$&')}"`);

/** The payload's bytes, its transfer encoding undone. */
function payloadBytes(payload: MimeEntity): Buffer {
  const encoding = header(payload, 'Content-Transfer-Encoding')?.toLowerCase();
  return encoding === 'base64' ? Buffer.from(payload.body.toString('latin1'), 'base64') : payload.body;
}

function fileNameOf(payload: MimeEntity): string | undefined {
  return parameter(header(payload, 'Content-Disposition'), 'filename');
}

/**
 * Keeps a message that could not be opened, as posted, as a `rejected` transmission with the
 * reason, so support finds it. Its failure is logged, not thrown: the negative MDN goes out anyway.
 */
async function keepRefused(
  headers: Readonly<Record<string, string | undefined>>,
  body: Buffer,
  partner: X12PartnerConfig,
  messageId: string,
  reason: string,
  deps: ReceiveAs2Deps,
): Promise<string | undefined> {
  const head = Object.entries(headers)
    .filter(([k, v]) => v !== undefined && /^(content-|as2-|message-id|disposition-|receipt-|mime-)/i.test(k))
    .map(([k, v]) => `${k}: ${v ?? ''}\r\n`)
    .join('');
  try {
    const { transmissions } = deps.repositories;
    const id = await transmissions.recordInbound(
      Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]),
      {
        channel: 'as2',
        sourceRef: messageId,
        partnerId: partner.id,
      },
    );
    await transmissions.setStatus(id, 'rejected', `AS2 message ${messageId} not processed: ${reason}`);
    return id;
  } catch (error) {
    deps.logger?.error(
      { partnerId: partner.id, messageId, err: error },
      `AS2: keeping refused ${messageId} failed`,
    );
    return undefined;
  }
}
