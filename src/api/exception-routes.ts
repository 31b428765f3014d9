import { Router } from 'express';
import { EXCEPTION_STATUSES } from '../store/index.js';
import {
  openFindings,
  ORDER_SUBJECT,
  resolveOrderException,
  type OrderResolution,
  type WorkerDeps,
} from '../pipeline/index.js';
import { GatewayError } from '../errors/index.js';
import { numericParam, queryChoice, queryLimit, queryText } from './route-params.js';
import { validateRequest } from './request-validation.js';
import { ResolutionInputSchemas, ResolveBodySchema } from './schemas/resolution.js';

/**
 * Exceptions that wait for staff, and the resolution of order exceptions:
 * - `GET /api/exceptions?status=open&partner=ID&kind=&subjectType=&limit=`: newest first.
 * - `GET /api/exceptions/:id`: the exception with its order, the order's findings and the holds
 *   still open.
 * - `POST /api/exceptions/:id/resolve` with `{ actor, resolution: { id, ...inputs } }`: applies
 *   the resolution and continues the order (400 bad body, 404 unknown exception, 409 resolved
 *   already, 422 a resolution that does not fit the order).
 *
 * @example
 * app.use('/api/exceptions', exceptionRoutes(services));
 */
export function exceptionRoutes(services: WorkerDeps): Router {
  const router = Router();
  const { repositories } = services;

  router.get('/', async (req, res) => {
    const status = queryChoice(req, 'status', EXCEPTION_STATUSES);
    const partnerId = queryText(req, 'partner');
    const kind = queryText(req, 'kind');
    const subjectType = queryText(req, 'subjectType');
    const limit = queryLimit(req);
    const exceptions = await repositories.exceptions.list({
      ...(status === undefined ? {} : { status }),
      ...(partnerId === undefined ? {} : { partnerId }),
      ...(kind === undefined ? {} : { kind }),
      ...(subjectType === undefined ? {} : { subjectType }),
      ...(limit === undefined ? {} : { limit }),
    });
    res.json({ exceptions });
  });

  router.get('/:id', async (req, res) => {
    const id = numericParam(req, 'id');
    const exception = await repositories.exceptions.get(id);
    if (exception === null) {
      throw new GatewayError('not-found', `exception ${id} does not exist`, { permanent: true, status: 404 });
    }
    const order =
      exception.subjectType === ORDER_SUBJECT ? await repositories.orders.get(exception.subjectId) : null;
    res.json({
      exception,
      order,
      openHolds: order === null ? [] : openFindings(order.findings, 'hold'),
    });
  });

  router.post('/:id/resolve', async (req, res) => {
    const id = numericParam(req, 'id');
    const body = validateRequest(ResolveBodySchema, req.body, 'body');
    const resolution = validateRequest(
      ResolutionInputSchemas[body.resolution.id],
      body.resolution,
      'body/resolution',
    ) as OrderResolution;
    const result = await resolveOrderException(id, resolution, body.actor.trim(), services);
    res.json(result);
  });

  return router;
}
