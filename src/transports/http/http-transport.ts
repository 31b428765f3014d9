import axios, { type AxiosError } from 'axios';
import type { DeliveryReceipt, InboundFile, Transport } from '../transport.js';
import { TransportError } from '../transport-error.js';

/** A partner endpoint we post our files to; the partner posts theirs to our intake route. */
export interface HttpTransportSettings {
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`, already read from where the partner file says. */
  readonly token: string;
  /** Names the partner in error messages, e.g. `partner acme`. */
  readonly label?: string;
}

export interface HttpTransportOptions {
  /** For the whole request, body and answer included. Default 60 s. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// Answers that say "not now" rather than "no": the queue retries them with backoff.
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/**
 * Delivers files by posting them to the partner's HTTPS endpoint, one request per file, with the
 * file name as `Idempotency-Key` so that a post repeated after a lost answer is recognised by the
 * partner. Inbound files come through the gateway's intake route instead, so there is nothing to
 * poll: `poll` answers no files, and `take` and `acknowledgeTaken` are refused.
 *
 * @example
 * const transport = createHttpTransport({ url: 'https://erp.example/edi', token });
 * await transport.deliver('855-000000007.x12', bytes);
 */
export function createHttpTransport(
  settings: HttpTransportSettings,
  options: HttpTransportOptions = {},
): Transport {
  let closed = false;
  const label = settings.label === undefined ? '' : `${settings.label}: `;
  const assertOpen = (operation: string) => {
    if (closed) throw TransportError.closed(operation);
  };
  const notPolled = (operation: string) =>
    Promise.reject(
      TransportError.refused(
        `${label}cannot ${operation}: an HTTP partner posts its files to the intake route`,
      ),
    );
  return {
    poll() {
      assertOpen('poll');
      return Promise.resolve<InboundFile[]>([]);
    },
    take: () => notPolled('take a file'),
    acknowledgeTaken: () => notPolled('acknowledge a file'),
    async deliver(name: string, bytes: Uint8Array): Promise<DeliveryReceipt> {
      assertOpen('deliver');
      if (!/^[^/\\\0]+$/.test(name) || name.startsWith('.')) {
        throw TransportError.refused(
          `${label}cannot deliver ${JSON.stringify(name)}: a plain file name is required`,
        );
      }
      try {
        // A Buffer view of the same memory: axios sends a Buffer as is and refuses a Uint8Array.
        const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        await axios.post(settings.url, body, {
          headers: {
            Authorization: `Bearer ${settings.token}`,
            'Content-Type': 'application/edi-x12',
            'Content-Disposition': `attachment; filename="${name.replace(/["\\]/g, '_')}"`,
            'Idempotency-Key': name,
          },
          timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxRedirects: 0,
          // The body is the file as is, never re-encoded.
          transformRequest: [(data: unknown) => data],
          responseType: 'text',
          validateStatus: (status) => status >= 200 && status < 300,
        });
      } catch (error) {
        throw fromHttpError(error, `${label}posting ${name} to ${settings.url}`);
      }
      return { name, size: bytes.byteLength, deliveredAt: new Date(), location: settings.url };
    },
    close() {
      closed = true;
      return Promise.resolve();
    },
  };
}

/** A failed post in the gateway's terms: a refusal needs a person, the rest is worth a retry. */
function fromHttpError(error: unknown, doing: string): TransportError {
  const failure = error as AxiosError;
  const status = failure.response?.status;
  if (status === undefined) {
    const code = failure.code ?? 'no answer';
    return TransportError.unavailable(`${doing} failed (${code}): ${failure.message}; will retry`, error);
  }
  const said = typeof failure.response?.data === 'string' ? `: ${failure.response.data.slice(0, 200)}` : '';
  if (status >= 500 || RETRYABLE_STATUSES.has(status)) {
    return TransportError.unavailable(`${doing} was answered ${status}${said}; will retry`, error);
  }
  const hint = status === 401 || status === 403 ? ' (check the token the partner file names)' : '';
  return TransportError.refused(`${doing} was refused with ${status}${hint}${said}`, error);
}
