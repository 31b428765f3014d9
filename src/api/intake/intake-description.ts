import { Type } from '@sinclair/typebox';
import type { ApiCatalog } from '../routing/api-catalog.js';
import { AnyObject, ErrorBody } from '../routing/common-schemas.js';
import { IntakeQuerySchema } from './intake-request.js';

/**
 * Describes `POST /api/partners/:id/transmissions` in the catalog, from the query schema its
 * router enforces; the router itself stays its own, because it reads the body as a stream.
 */
export function describePartnerIntake(catalog: ApiCatalog): void {
  catalog.describe('/api/partners/:id/transmissions', {
    method: 'post',
    path: '/:id/transmissions',
    summary: 'A partner posts an X12 interchange (or, with ?event=, a JSON business event) with its own key',
    description:
      'Headers: Idempotency-Key (optional). The body is stored before anything reads it. ?ack=sync waits for the 997/999/TA1 and answers it.',
    tags: ['partner intake'],
    role: 'partner',
    params: Type.Object({ id: Type.String({ description: "the partner's id; must be the key's own" }) }),
    query: IntakeQuerySchema,
    rawBody: {
      contentType: 'application/edi-x12',
      description: 'an X12 interchange as the partner sends it',
    },
    responses: {
      200: { description: 'stored and acknowledged (ack=sync)', schema: AnyObject },
      202: { description: 'stored: `{ transmissionId, duplicate }`', schema: AnyObject },
      404: { description: "the key's partner is not in the partner files", schema: ErrorBody },
      409: { description: 'the partner is disabled', schema: ErrorBody },
      413: { description: 'over the body limit', schema: ErrorBody },
      422: { description: 'the Idempotency-Key was used with other bytes', schema: ErrorBody },
      503: { description: 'the store did not answer; nothing was acknowledged', schema: ErrorBody },
    },
  });
}
