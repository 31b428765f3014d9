import { Type } from '@sinclair/typebox';
import { EXCEPTION_STATUSES } from '../store/index.js';
import {
  openFindings,
  ORDER_SUBJECT,
  resolveOrderException,
  type OrderResolution,
  type WorkerDeps,
} from '../pipeline/index.js';
import { GatewayError } from '../errors/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody, LimitText, NumericId } from './routing/common-schemas.js';
import { validateRequest } from './request-validation.js';
import { ResolutionInputSchemas, ResolveBodySchema } from './schemas/resolution.js';
import { StringEnumOf } from './schemas/fields.js';

const ListQuery = Type.Object(
  {
    status: Type.Optional(StringEnumOf(EXCEPTION_STATUSES, `one of ${EXCEPTION_STATUSES.join(', ')}`)),
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    subjectType: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    limit: Type.Optional(LimitText),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: NumericId }, { additionalProperties: false });

/**
 * Exceptions that wait for staff, and the resolution of order exceptions:
 * - `GET /api/exceptions?status=open&partner=ID&kind=&subjectType=&limit=`: newest first (viewer).
 * - `GET /api/exceptions/:id`: the exception with its order, the order's findings and the holds
 *   still open (viewer).
 * - `POST /api/exceptions/:id/resolve` with `{ resolution: { id, ...inputs } }` (operator): applies
 *   the resolution under the caller's name and continues the order (400 bad body, 404 unknown
 *   exception, 409 resolved already, 422 a resolution that does not fit the order).
 *
 * @example
 * app.use('/api/exceptions', exceptionRoutes(catalog, services).express);
 */
export function exceptionRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api/exceptions');
  const { repositories } = services;
  const tags = ['exceptions'];

  routes.define(
    {
      method: 'get',
      path: '/',
      summary: 'Exceptions, newest first',
      tags,
      role: 'viewer',
      query: ListQuery,
      responses: { 200: { description: '`{ exceptions }`', schema: AnyObject } },
    },
    async ({ res, query }) => {
      const exceptions = await repositories.exceptions.list({
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.partner === undefined ? {} : { partnerId: query.partner }),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
        ...(query.subjectType === undefined ? {} : { subjectType: query.subjectType }),
        ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      });
      res.json({ exceptions });
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/:id',
      summary: 'One exception with its order and open holds',
      tags,
      role: 'viewer',
      params: IdParams,
      responses: {
        200: { description: '`{ exception, order, openHolds }`', schema: AnyObject },
        404: { description: 'no such exception', schema: ErrorBody },
      },
    },
    async ({ res, params }) => {
      const id = Number(params.id);
      const exception = await repositories.exceptions.get(id);
      if (exception === null) {
        throw new GatewayError('not-found', `exception ${id} does not exist`, {
          permanent: true,
          status: 404,
        });
      }
      const order =
        exception.subjectType === ORDER_SUBJECT ? await repositories.orders.get(exception.subjectId) : null;
      res.json({ exception, order, openHolds: order === null ? [] : openFindings(order.findings, 'hold') });
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/:id/resolve',
      summary: 'Resolve an order exception and continue the order',
      tags,
      role: 'operator',
      params: IdParams,
      body: ResolveBodySchema,
      responses: {
        200: { description: 'what was applied and where the order went', schema: AnyObject },
        404: { description: 'no such exception', schema: ErrorBody },
        409: { description: 'resolved already', schema: ErrorBody },
        422: { description: 'the resolution does not fit the order', schema: ErrorBody },
      },
    },
    async ({ res, params, body, actor }) => {
      const resolution = validateRequest(
        ResolutionInputSchemas[body.resolution.id],
        body.resolution,
        'body/resolution',
      ) as OrderResolution;
      res.json(await resolveOrderException(Number(params.id), resolution, actor, services));
    },
  );
  return routes;
}
