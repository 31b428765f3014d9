import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { ApiKeyVerifier, AuthError, isAuthError, type AuthenticatedKey } from '../auth/index.js';
import { isGatewayError } from '../errors/index.js';
import { createLogger, type Logger } from '../observability/index.js';
import type { X12PartnerConfig } from '../partners/index.js';
import {
  intakeFile,
  intakeOnce,
  receiveBusinessEvent,
  type BusinessEventKind,
  type IntakeOutcome,
  type WorkerDeps,
} from '../pipeline/index.js';
import { awaitAcknowledgements } from './intake/await-acknowledgements.js';
import { checkClientCertificate } from './intake/client-certificate.js';
import { IntakeError } from './intake/intake-error.js';
import { intakeRequest } from './intake/intake-request.js';
import { presentedKey } from './intake/presented-key.js';
import { readBody } from './intake/read-body.js';
import { answerAcknowledgements } from './intake/returned-acknowledgements.js';

/** Beyond the wait, the time the route has to mark answered acknowledgements sent. */
const ANSWER_MARGIN_MS = 10_000;

/** INTAKE_MAX_BYTES's default: 50 MB. */
export const DEFAULT_INTAKE_MAX_BYTES = 50 * 1024 * 1024;

export interface PartnerIntakeOptions {
  /** The body limit of partners whose file sets no `intake.http.maxBytes`. Default 50 MB. */
  maxBytes?: number;
}

/**
 * `POST /api/partners/:id/transmissions`: a partner (or its ERP) posts an X12 interchange, or a
 * JSON business event (`?event=shipment-confirmed|invoice-issued`), as the raw body, with its API
 * key (`Authorization: Bearer edik_...` or `X-Api-Key`). In this order: 401 without a valid key;
 * 403 for a key of another partner (whether or not the URL's partner exists, so that ids cannot be
 * probed); 404 when the key's own partner left the partner files; 409 when it is disabled; 403
 * when it requires a client certificate the connection does not carry; 400 for an unknown query
 * parameter; 413 over the body limit. The body is stored before anything reads it, and only then
 * answered 202 `{ transmissionId, duplicate }`; a store failure is answered 503 and nothing is
 * acknowledged. `Idempotency-Key` makes a retried post find the first (`duplicate: true`); the
 * same key with other bytes is 422. `?ack=sync[&ackWaitMs=]` waits for the 997/999/TA1 and
 * answers them (200), or 202 with `ack: 'pending'` when the wait runs out.
 *
 * @example
 * app.use('/api/partners', partnerIntakeRoutes(services, { maxBytes: config.INTAKE_MAX_BYTES }));
 */
export function partnerIntakeRoutes(services: WorkerDeps, options: PartnerIntakeOptions = {}): Router {
  const router = Router();
  const verifier = new ApiKeyVerifier(services.repositories.apiKeys);
  const defaultLimit = options.maxBytes ?? DEFAULT_INTAKE_MAX_BYTES;

  router.post('/:id/transmissions', async (req, res) => {
    try {
      await take(req, res);
    } catch (error) {
      // Refused before the body was read: closing spares reading (and discarding) the rest of it.
      if (!req.complete && !res.headersSent) res.set('Connection', 'close');
      throw error;
    }
  });

  const take = async (req: Request, res: Response) => {
    const key = await authenticate(req, res, verifier, services);
    const partner = admittedPartner(String(req.params['id']), key, services);
    checkClientCertificate(req, partner);
    const request = intakeRequest(req);
    const bytes = await readBody(req, res, partner.intake?.http?.maxBytes ?? defaultLimit, partner.id);
    if (bytes.length === 0) throw IntakeError.emptyBody();
    if (request.kind === 'event') {
      await answerEvent(res, request.event, bytes, partner, key, services);
      return;
    }
    const stored = await storeX12(bytes, partner, key, request, services);
    const answer = { transmissionId: stored.transmissionId, duplicate: stored.duplicate };
    if (request.ackWaitMs === undefined) {
      res.status(202).json(answer);
      return;
    }
    const wait = await waitForAcknowledgements(req, res, stored, bytes, request.ackWaitMs, services);
    if (wait?.ready === true) {
      const deps = {
        transmissions: services.repositories.transmissions,
        queues: services.queues,
        log: logOf(services),
      };
      await answerAcknowledgements(res, answer, wait.acknowledgements, deps);
    } else {
      res.status(202).json({ ...answer, ack: 'pending' });
    }
  };
  return router;
}

async function authenticate(
  req: Request,
  res: Response,
  verifier: ApiKeyVerifier,
  services: WorkerDeps,
): Promise<AuthenticatedKey> {
  try {
    return await verifier.verify(presentedKey(req));
  } catch (error) {
    if (isAuthError(error)) {
      res.set('WWW-Authenticate', 'Bearer realm="edi-gateway"');
      throw error;
    }
    throw unavailable(services, 'checking an API key', error);
  }
}

function admittedPartner(partnerId: string, key: AuthenticatedKey, services: WorkerDeps): X12PartnerConfig {
  if (key.role !== 'partner' || key.partnerId !== partnerId) throw AuthError.notThisPartner(key.partnerId);
  const partner = services.partners.byId(partnerId);
  if (partner === undefined) throw IntakeError.unknownPartner(partnerId);
  if (partner.kind !== 'x12') throw IntakeError.notX12(partnerId);
  if (!partner.enabled) throw IntakeError.partnerDisabled(partnerId);
  return partner;
}

async function storeX12(
  bytes: Buffer,
  partner: X12PartnerConfig,
  key: AuthenticatedKey,
  request: { idempotencyKey: string | undefined; ackWaitMs: number | undefined },
  services: WorkerDeps,
): Promise<IntakeOutcome> {
  const { idempotencyKey, ackWaitMs } = request;
  const deps = {
    transmissions: services.repositories.transmissions,
    queues: services.queues,
    ...(services.metrics === undefined ? {} : { metrics: services.metrics }),
  };
  // With ack=sync the acknowledgements go in the answer: their delivery over the transport waits
  // until the answer has had its chance (and is then skipped, as they are marked sent).
  const options = ackWaitMs === undefined ? {} : { holdAcknowledgementsMs: ackWaitMs + ANSWER_MARGIN_MS };
  // The Idempotency-Key names the upload (senders often use the file name), else the key that posted.
  const meta = {
    channel: 'http',
    sourceRef: idempotencyKey ?? `POST with API key ${key.id}`,
    partnerId: partner.id,
  } as const;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (idempotencyKey === undefined) {
    const transmissionId = await intakeFile(bytes, meta, deps, options).catch((error: unknown) => {
      throw unavailable(services, `storing a post of partner ${partner.id}`, error);
    });
    return { transmissionId, duplicate: false, sha256 };
  }
  const outcome = await intakeOnce(
    bytes,
    { ...meta, intakeKey: `http|${partner.id}|${idempotencyKey}` },
    deps,
    options,
  ).catch((error: unknown) => {
    throw unavailable(services, `storing a post of partner ${partner.id}`, error);
  });
  if (outcome.duplicate && outcome.sha256 !== sha256)
    throw IntakeError.keyReused(idempotencyKey, outcome.transmissionId);
  return outcome;
}

/** Waits for the acknowledgements; undefined when the wait itself failed (the post is stored all the same). */
async function waitForAcknowledgements(
  req: Request,
  res: Response,
  stored: IntakeOutcome,
  bytes: Buffer,
  waitMs: number,
  services: WorkerDeps,
) {
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  try {
    return await awaitAcknowledgements(
      stored.transmissionId,
      bytes,
      { transmissions: services.repositories.transmissions, partners: services.partners },
      waitMs,
      gone.signal,
    );
  } catch (error) {
    // Stored and queued already: the acknowledgement goes out over the partner's transport.
    logOf(services).error(
      { err: error, transmissionId: stored.transmissionId },
      `partner intake: waiting for the acknowledgements of ${stored.transmissionId} failed`,
    );
    return undefined;
  }
}

async function answerEvent(
  res: Response,
  kind: BusinessEventKind,
  bytes: Buffer,
  partner: X12PartnerConfig,
  key: AuthenticatedKey,
  services: WorkerDeps,
): Promise<void> {
  const sourceRef = `POST ${kind} event with API key ${key.id}`;
  const outcome = await receiveBusinessEvent(kind, bytes, services, {
    sourceRef,
    partnerId: partner.id,
  }).catch((error: unknown) => {
    throw unavailable(services, `storing a ${kind} event of partner ${partner.id}`, error);
  });
  if (outcome.accepted) {
    res.status(202).json({
      transmissionId: outcome.eventTransmissionId,
      duplicate: outcome.duplicate,
      documentId: outcome.documentId,
      outboundTransmissionId: outcome.transmissionId,
    });
    return;
  }
  const { code, message, problems, eventTransmissionId } = outcome;
  res
    .status(outcome.status)
    .json({ error: { code, message, problems }, transmissionId: eventTransmissionId });
}

// A driver message can quote the failed statement with its parameters: the whole body, in hex.
const LOGGED_REASON_LENGTH = 500;

/** Logs what failed (driver text included) and answers the partner an opaque 503. */
function unavailable(services: WorkerDeps, doing: string, error: unknown): IntakeError {
  const reason = isGatewayError(error) ? `${error.code}: ${error.message}` : String(error);
  const cut = reason.length > LOGGED_REASON_LENGTH ? `${reason.slice(0, LOGGED_REASON_LENGTH)}...` : reason;
  logOf(services).error({ reason: cut }, `partner intake: ${doing} failed`);
  return IntakeError.unavailable(error);
}

let fallbackLogger: Logger | undefined;

/** The gateway's logger, or (for an app built without one) a default one on stderr. */
function logOf(services: WorkerDeps): Logger {
  return services.logger ?? (fallbackLogger ??= createLogger({ level: 'info' }));
}
