import { Router, type Request } from 'express';
import { Type, type Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import { GatewayError } from '../errors/index.js';
import {
  listTransmissions,
  parseListFilter,
  reprocessTransmission,
  resendTransmission,
  showTransmission,
  transmissionBytes,
  type WorkerDeps,
} from '../pipeline/index.js';

const ActorBody = Type.Object(
  { actor: Type.String({ minLength: 1, maxLength: 128, description: 'who asks, for the audit trail' }) },
  { additionalProperties: false },
);
const checkBody = new Ajv({ allErrors: true }).compile<Static<typeof ActorBody>>(ActorBody);

/** Who reads, when a GET does not say (`?actor=`): the API itself. */
const DEFAULT_READER = 'api';

/**
 * Support operations on transmissions, each audited under the caller's actor:
 * - `GET /api/transmissions?status=&partner=&limit=&actor=`: newest first;
 * - `GET /api/transmissions/:id`: detail without the bytes (history, envelopes, documents, acks,
 *   exceptions, audit trail); `GET /api/transmissions/:id/raw`: the bytes as stored;
 * - `POST /api/transmissions/:id/resend` and `/reprocess` with JSON `{ "actor": "alice" }`.
 * An unknown id answers 404; an operation that does not apply to the transmission (resending an
 * inbound file) 409.
 *
 * @example
 * app.use('/api/transmissions', transmissionRoutes(services));
 */
export function transmissionRoutes(services: WorkerDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const filter = parseListFilter({
      status: query(req, 'status'),
      partner: query(req, 'partner'),
      limit: query(req, 'limit'),
    });
    res.json(await listTransmissions(filter, reader(req), services));
  });
  router.get('/:id', async (req, res) => {
    res.json(await showTransmission(String(req.params['id']), reader(req), services));
  });
  router.get('/:id/raw', async (req, res) => {
    const { fileName, bytes } = await transmissionBytes(String(req.params['id']), reader(req), services);
    res.type('application/octet-stream').attachment(fileName).send(bytes);
  });
  router.post('/:id/resend', async (req, res) => {
    res.json(await resendTransmission(String(req.params['id']), actorOf(req), services));
  });
  router.post('/:id/reprocess', async (req, res) => {
    res.json(await reprocessTransmission(String(req.params['id']), actorOf(req), services));
  });
  return router;
}

function actorOf(req: Request): string {
  const body: unknown = req.body;
  if (!checkBody(body)) {
    const problems = (checkBody.errors ?? []).map(
      (e) => `${e.instancePath || 'body'} ${e.message ?? 'is invalid'}`,
    );
    throw new GatewayError(
      'bad-request',
      `the body must be JSON {"actor": "<who asks>"} (sent as application/json): ${problems.join('; ')}`,
      { permanent: true, status: 400 },
    );
  }
  return body.actor;
}

function reader(req: Request): string {
  return query(req, 'actor') ?? DEFAULT_READER;
}

function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
