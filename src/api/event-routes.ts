import { Type } from '@sinclair/typebox';
import {
  BUSINESS_EVENTS,
  receiveBusinessEvent,
  type BusinessEventKind,
  type WorkerDeps,
} from '../pipeline/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody } from './routing/common-schemas.js';
import { StringEnumOf } from './schemas/fields.js';

const KINDS = Object.keys(BUSINESS_EVENTS) as BusinessEventKind[];

/**
 * ERP/WMS events (operator), each body one canonical document as JSON (see `fixtures/canonical/`):
 * - `POST /api/events/shipment-confirmed`: a `ship_notice`, sent as the partner's 856;
 * - `POST /api/events/invoice-issued`: an `invoice`, sent as the partner's 810.
 * `type`, `source` and `id` may be left out (the id is derived from `partnerId` and `shipmentId`
 * or `invoiceNumber`, so posting the same event twice sends one document). Answers 202 with the
 * document and transmission ids; 400 with `problems` (path and why) for a body that is not a valid
 * document, 409 for an id taken with other content, 422 for a partner that does not take the set.
 * The body is read as raw bytes and stored as posted before anything parses it, so the router is
 * mounted ahead of the API's JSON parser: malformed JSON is kept too, and answered 400.
 *
 * @example
 * app.use('/api/events', express.raw({ type: () => true, limit: '10mb' }), eventRoutes(catalog, services).express);
 */
export function eventRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api/events');
  routes.define(
    {
      method: 'post',
      path: '/:kind',
      summary: 'Post an ERP/WMS business event (a canonical ship notice or invoice)',
      tags: ['events'],
      role: 'operator',
      params: Type.Object(
        { kind: StringEnumOf(KINDS, `one of ${KINDS.join(', ')}`) },
        { additionalProperties: false },
      ),
      rawBody: { contentType: 'application/json', description: 'one canonical document; stored as posted' },
      responses: {
        202: {
          description:
            'stored and queued: `{ documentId, documentIds, transmissionId, eventTransmissionId, duplicate }`',
          schema: AnyObject,
        },
        400: { description: 'not a valid document; `problems` lists each', schema: ErrorBody },
        409: { description: 'the id is taken with other content', schema: ErrorBody },
        422: {
          description:
            'the partner does not take this document, or it cannot be written as theirs (e.g. a shipment that cannot fill their 856 hierarchy); `problems` lists why',
          schema: ErrorBody,
        },
      },
    },
    async ({ req, res, params }) => {
      const body: unknown = req.body;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const outcome = await receiveBusinessEvent(params.kind, bytes, services);
      if (outcome.accepted) {
        const { documentId, documentIds, transmissionId, eventTransmissionId, duplicate } = outcome;
        res.status(202).json({ documentId, documentIds, transmissionId, eventTransmissionId, duplicate });
        return;
      }
      const { code, message, problems, eventTransmissionId } = outcome;
      res.status(outcome.status).json({ error: { code, message, problems }, eventTransmissionId });
    },
  );
  return routes;
}
