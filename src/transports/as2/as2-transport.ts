import axios, { type AxiosError, type AxiosResponse } from 'axios';
import type * as pkijs from 'pkijs';
import type { DeliveryContext, DeliveryReceipt, InboundFile, Transport } from '../transport.js';
import { TransportError } from '../transport-error.js';
import { as2Request, newMessageId, type As2Request } from './as2-message.js';
import type { CipherName, DigestName } from './cms/algorithms.js';
import type { KeyPair } from './cms/keys.js';
import { entityBytes, readMdn, type MimeEntity } from './mime/index.js';

/** One partner's AS2 endpoint and keys, loaded from its file. */
export interface As2TransportSettings {
  partnerId: string;
  url: string;
  ourId: string;
  theirId: string;
  /** Ours: the first signs; all of them decrypt (a rollover keeps the old one for a while). */
  ours: readonly KeyPair[];
  /** Theirs: we encrypt to the first; a signature by any of them is theirs. */
  theirs: readonly pkijs.Certificate[];
  signing: DigestName;
  encryption: CipherName;
  compression: boolean;
  mdn: 'sync' | 'async';
  /** Where the partner posts async MDNs (ours). */
  asyncMdnUrl?: string;
  /** How long an async MDN may take before it is overdue. */
  mdnWithinMs: number;
  /** Bounds one post, MDN included. */
  timeoutMs: number;
  /** The right-hand side of our Message-IDs. */
  domain: string;
}

/** What the transport records about the messages it posts (the store's AS2 message port). */
export interface As2SentMessages {
  sentFile(
    partnerId: string,
    fileName: string,
  ): Promise<{ messageId: string; status: string; disposition: string | null } | null>;
  recordSending(message: {
    partnerId: string;
    messageId: string;
    transmissionId: string | null;
    fileName: string;
    mic: string;
    mdnMode: 'sync' | 'async' | 'none';
  }): Promise<void>;
  awaitMdn(partnerId: string, messageId: string, dueAt: Date): Promise<void>;
  settle(
    partnerId: string,
    messageId: string,
    outcome: { status: 'delivered' | 'refused'; disposition: string; mdn: Buffer },
  ): Promise<boolean>;
}

// Answers that say "not now" rather than "no": the queue retries them with backoff.
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/**
 * Sends files to a partner over AS2 (RFC 4130): each one signed, encrypted (and compressed when
 * the partner file says so) with a signed MDN requested. A sync MDN is checked at once: its
 * signature must be the partner's, its Original-Message-ID ours and its MIC the one we computed;
 * anything else is a permanent failure carrying the disposition. An async MDN is awaited (the
 * receipt says so) and settled by the MDN route. A post that fails on the network or with 5xx is
 * a retryable error, and the retry reuses the Message-ID, so the partner recognises it; a file
 * whose MDN was positive is never posted again. Files come in through the AS2 route, so `poll`
 * answers none.
 *
 * @example
 * const transport = createAs2Transport(settings, repositories.as2Messages);
 * await transport.deliver('855-000000007.x12', bytes, { transmissionId });
 */
export function createAs2Transport(settings: As2TransportSettings, messages: As2SentMessages): Transport {
  let closed = false;
  const label = `partner ${settings.partnerId}`;
  const notPolled = (operation: string) =>
    Promise.reject(
      TransportError.refused(
        `${label}: cannot ${operation}: an AS2 partner posts its files to the AS2 route`,
      ),
    );
  return {
    poll() {
      if (closed) throw TransportError.closed('poll');
      return Promise.resolve<InboundFile[]>([]);
    },
    take: () => notPolled('take a file'),
    acknowledgeTaken: () => notPolled('acknowledge a file'),
    async deliver(name: string, bytes: Uint8Array, context?: DeliveryContext): Promise<DeliveryReceipt> {
      if (closed) throw TransportError.closed('deliver');
      if (!/^[^/\\\0"]+$/.test(name)) {
        throw TransportError.refused(
          `${label}: cannot deliver ${JSON.stringify(name)}: a plain file name is required`,
        );
      }
      const earlier = await messages.sentFile(settings.partnerId, name);
      if (earlier?.status === 'delivered') {
        // The partner confirmed it already: posting again would give them the file twice.
        return receipt(name, bytes, settings, earlier.messageId);
      }
      // A retry of a post that failed or went unanswered keeps its Message-ID; a resend after a
      // refusal or an overdue MDN is a new message.
      const messageId =
        earlier?.status === 'awaiting-mdn' ? earlier.messageId : newMessageId(settings.domain);
      const request = await as2Request(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        'application/edi-x12',
        {
          ourId: settings.ourId,
          theirId: settings.theirId,
          ours: firstOf(settings.ours, 'key pair'),
          theirs: firstOf(settings.theirs, 'certificate'),
          signing: settings.signing,
          encryption: settings.encryption,
          compression: settings.compression,
          ...(settings.mdn === 'async' && settings.asyncMdnUrl !== undefined
            ? { asyncMdnUrl: settings.asyncMdnUrl }
            : {}),
        },
        settings.domain,
        name,
        messageId,
      );
      // Recorded before the post, so that an async MDN that outruns our own bookkeeping finds it.
      await messages.recordSending({
        partnerId: settings.partnerId,
        messageId,
        transmissionId: context?.transmissionId ?? null,
        fileName: name,
        mic: request.mic,
        mdnMode: settings.mdn,
      });
      const response = await post(request, settings, `${label}: posting ${name} to ${settings.url}`);
      if (settings.mdn === 'async') {
        await messages.awaitMdn(settings.partnerId, messageId, new Date(Date.now() + settings.mdnWithinMs));
        return { ...receipt(name, bytes, settings, messageId), awaiting: `the MDN of ${messageId}` };
      }
      const mdn = await checkMdn(responseEntity(response), request, settings);
      const settled = { disposition: mdn.disposition, mdn: mdn.bytes };
      if (mdn.problem !== undefined) {
        await messages.settle(settings.partnerId, messageId, { status: 'refused', ...settled });
        throw TransportError.refused(`${label}: ${name} (${messageId}): ${mdn.problem}`);
      }
      await messages.settle(settings.partnerId, messageId, { status: 'delivered', ...settled });
      return receipt(name, bytes, settings, messageId);
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

function firstOf<T>(list: readonly T[], what: string): T {
  const [first] = list;
  if (first === undefined) throw TransportError.refused(`no ${what} to send with`);
  return first;
}

function receipt(name: string, bytes: Uint8Array, settings: As2TransportSettings, messageId: string) {
  return {
    name,
    size: bytes.byteLength,
    deliveredAt: new Date(),
    location: `${settings.url} as ${messageId}`,
  };
}

async function post(
  request: As2Request,
  settings: As2TransportSettings,
  doing: string,
): Promise<AxiosResponse<Buffer>> {
  try {
    return await axios.post<Buffer>(settings.url, request.body, {
      headers: request.headers,
      timeout: settings.timeoutMs,
      maxRedirects: 0,
      transformRequest: [(data: unknown) => data],
      responseType: 'arraybuffer',
      // A large MDN is not an MDN.
      maxContentLength: 1024 * 1024,
      validateStatus: (status) => status >= 200 && status < 300,
    });
  } catch (error) {
    throw fromHttpError(error, doing);
  }
}

/** The MIME entity of an HTTP answer: its Content-* headers and its body. */
export function responseEntity(response: { headers: unknown; data: unknown }): MimeEntity {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(response.headers as Record<string, unknown>)) {
    if (/^content-/i.test(name) && typeof value === 'string') headers.push([name, value]);
  }
  const data = response.data;
  const body = Buffer.isBuffer(data)
    ? data
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.from(typeof data === 'string' ? data : '', 'latin1');
  return { headers, body };
}

/** What an MDN says of a message we sent, and why it does not count as delivery, if it does not. */
export interface CheckedMdn {
  disposition: string;
  bytes: Buffer;
  /** Absent when the MDN is positive, signed by the partner and returns our MIC. */
  problem?: string;
}

/**
 * Checks an MDN against the message it answers: signed by one of the partner's certificates,
 * naming our Message-ID, processed without error, with the MIC we computed.
 *
 * @example
 * const mdn = await checkMdn(entity, { messageId, mic }, { theirs });
 * if (mdn.problem) markFailed(mdn.problem);
 */
export async function checkMdn(
  entity: MimeEntity,
  sent: { messageId: string; mic: string },
  settings: { theirs: readonly pkijs.Certificate[] },
): Promise<CheckedMdn> {
  const bytes = entityBytes(entity);
  if (entity.body.length === 0) {
    return { disposition: 'none', bytes, problem: 'the partner answered without an MDN' };
  }
  let read;
  try {
    read = await readMdn(entity, settings.theirs);
  } catch (error) {
    return {
      disposition: 'unreadable',
      bytes,
      problem: `the answer is not an MDN: ${(error as Error).message}`,
    };
  }
  const { disposition } = read;
  const problem = !read.signed
    ? 'the MDN is not signed, and a signed one was asked for'
    : read.signatureProblem !== undefined
      ? `the MDN's signature is not the partner's: ${read.signatureProblem}`
      : read.originalMessageId !== undefined && read.originalMessageId !== sent.messageId
        ? `the MDN answers ${read.originalMessageId}, not ${sent.messageId}`
        : read.error !== undefined || !/^processed\s*$/i.test(disposition.replace(/\/.*$/, ''))
          ? `the partner's MDN says ${disposition}`
          : !sameMic(read.mic, sent.mic)
            ? `the MDN's MIC ${read.mic ?? '(none)'} is not the MIC of what was sent (${sent.mic})`
            : undefined;
  return { disposition, bytes, ...(problem === undefined ? {} : { problem }) };
}

/** MICs compare by value and algorithm; the spacing and the algorithm's case vary by product. */
function sameMic(received: string | undefined, expected: string): boolean {
  if (received === undefined) return false;
  const norm = (mic: string) => {
    const [value = '', algorithm = ''] = mic.split(',').map((part) => part.trim());
    return `${value},${algorithm
      .toLowerCase()
      .replace(/^sha(\d)/, 'sha-$1')
      .replace(/^sha-1$/, 'sha1')}`;
  };
  return norm(received) === norm(expected);
}

/** A failed post in the gateway's terms: 5xx and network errors are retried, the rest needs a person. */
function fromHttpError(error: unknown, doing: string): TransportError {
  const failure = error as AxiosError;
  const status = failure.response?.status;
  if (status === undefined) {
    return TransportError.unavailable(
      `${doing} failed (${failure.code ?? 'no answer'}): ${failure.message}; will retry`,
      error,
    );
  }
  const data = failure.response?.data;
  const text = Buffer.isBuffer(data)
    ? data.toString('utf8', 0, 200)
    : typeof data === 'string'
      ? data.slice(0, 200)
      : '';
  const said = text === '' ? '' : `: ${text}`;
  if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
    return TransportError.unavailable(`${doing} was answered ${status}${said}; will retry`, error);
  }
  return TransportError.refused(`${doing} was refused with ${status}${said}`, error);
}
