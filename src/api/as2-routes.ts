import axios from 'axios';
import { Router, type Request } from 'express';
import { createLogger, type Logger } from '../observability/index.js';
import { type AsyncMdn, receiveAs2, type ReceiveAs2Deps, type WorkerDeps } from '../pipeline/index.js';
import { DEFAULT_INTAKE_MAX_BYTES } from './partner-intake-routes.js';

export interface As2RouteOptions {
  /** The largest message taken. Default: INTAKE_MAX_BYTES's default, 50 MB. */
  maxBytes?: number;
  /** Waits between the attempts to post an async MDN. Default 2 s, 10 s, 60 s. */
  asyncMdnRetryMs?: readonly number[];
}

/**
 * `POST /as2`: AS2 partners post their messages here, and the async MDNs of ours (also taken at
 * `POST /as2/mdn`). No API key: an AS2 message is authenticated by its signature, checked
 * against the certificate of the partner its AS2-From and AS2-To name (see {@link receiveAs2}).
 * The message is read whole, stored, and then answered with its MDN; a failure of the store is
 * answered with a negative MDN or a 503, so that the sender sends it again.
 *
 * @example
 * app.use('/as2', as2Routes(services));
 */
export function as2Routes(services: WorkerDeps, options: As2RouteOptions = {}): Router {
  const router = Router();
  const log = services.logger ?? createLogger({ level: 'info' });
  const deps: ReceiveAs2Deps = {
    partners: services.partners,
    repositories: services.repositories,
    queues: services.queues,
    logger: log,
  };
  const limit = options.maxBytes ?? DEFAULT_INTAKE_MAX_BYTES;
  const take = async (req: Request, res: import('express').Response) => {
    let body: Buffer;
    try {
      body = await readWhole(req, limit);
    } catch (error) {
      res
        .set('Connection', 'close')
        .status(413)
        .type('text/plain')
        .send(`${(error as Error).message}\n`);
      return;
    }
    let answer;
    try {
      answer = await receiveAs2(requestHeaders(req), body, deps);
    } catch (error) {
      log.error({ err: error }, 'AS2: a message could not be taken');
      res.status(503).type('text/plain').send('the message could not be taken now; send it again\n');
      return;
    }
    const fields = {
      partnerId: answer.partnerId,
      messageId: req.get('message-id'),
      outcome: answer.outcome,
      transmissionId: answer.transmissionId,
    };
    if (answer.outcome === 'refused' || answer.status >= 400) {
      log.warn(
        { ...fields, reason: answer.reason },
        `AS2: ${answer.outcome}: ${answer.reason ?? answer.status}`,
      );
    } else {
      log.info(
        fields,
        `AS2: ${answer.outcome} ${req.get('message-id') ?? ''} from ${answer.partnerId ?? '?'}`,
      );
    }
    res.status(answer.status).set(answer.headers).end(answer.body);
    if (answer.asyncMdn !== undefined) {
      void postAsyncMdn(answer.asyncMdn, options.asyncMdnRetryMs ?? [2_000, 10_000, 60_000], log);
    }
  };
  router.post('/', (req, res) => take(req, res));
  router.post('/mdn', (req, res) => take(req, res));
  return router;
}

/** Express's headers as one string per name (a repeated header is joined, as HTTP allows). */
function requestHeaders(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readWhole(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`the message is over ${limit} bytes`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Posts an async MDN, again after each wait while the partner's URL fails. The MDN is kept with
 * the message, so a partner that never got it has it again by resending the message.
 */
async function postAsyncMdn(mdn: AsyncMdn, waits: readonly number[], log: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await axios.post(mdn.url, mdn.body, {
        headers: mdn.headers,
        timeout: 60_000,
        maxRedirects: 0,
        transformRequest: [(data: unknown) => data],
        validateStatus: (status) => status >= 200 && status < 300,
      });
      log.info({ url: mdn.url }, `AS2: async MDN posted to ${mdn.url}`);
      return;
    } catch (error) {
      const wait = waits[attempt];
      if (wait === undefined) {
        log.error(
          { url: mdn.url, err: error },
          `AS2: the async MDN could not be posted to ${mdn.url}; a resend of the message gets it again`,
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, wait).unref());
    }
  }
}
