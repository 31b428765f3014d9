import express, { Router } from 'express';
import {
  BUSINESS_EVENTS,
  isBusinessEventKind,
  receiveBusinessEvent,
  type WorkerDeps,
} from '../pipeline/index.js';

/**
 * ERP/WMS events, each body one canonical document as JSON (see `fixtures/canonical/`):
 * - `POST /api/events/shipment-confirmed`: a `ship_notice`, sent as the partner's 856;
 * - `POST /api/events/invoice-issued`: an `invoice`, sent as the partner's 810.
 * `type`, `source` and `id` may be left out (the id is derived from `partnerId` and `shipmentId`
 * or `invoiceNumber`, so posting the same event twice sends one document). Answers 202 with the
 * document and transmission ids; 400 with `problems` (path and why) for a body that is not a valid
 * document, 409 for an id taken with other content, 422 for a partner that does not take the set.
 * The body is read as raw bytes and stored as posted before anything parses it, so it is mounted
 * ahead of the API's JSON parser: malformed JSON is kept too, and answered 400.
 *
 * @example
 * app.use('/api/events', eventRoutes(services));
 */
export function eventRoutes(services: WorkerDeps): Router {
  const router = Router();
  router.use(express.raw({ type: () => true, limit: '10mb' }));
  router.post('/:kind', async (req, res) => {
    const kind = String(req.params['kind']);
    if (!isBusinessEventKind(kind)) {
      const known = Object.keys(BUSINESS_EVENTS).join(', ');
      res
        .status(404)
        .json({ error: { code: 'not-found', message: `no event ${kind}; events are ${known}` } });
      return;
    }
    const body: unknown = req.body;
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const outcome = await receiveBusinessEvent(kind, bytes, services);
    if (outcome.accepted) {
      const { documentId, transmissionId, eventTransmissionId, duplicate } = outcome;
      res.status(202).json({ documentId, transmissionId, eventTransmissionId, duplicate });
      return;
    }
    const { code, message, problems, eventTransmissionId } = outcome;
    res.status(outcome.status).json({ error: { code, message, problems }, eventTransmissionId });
  });
  return router;
}
