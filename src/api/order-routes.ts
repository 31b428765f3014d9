import { Type } from '@sinclair/typebox';
import { GatewayError } from '../errors/index.js';
import { ORDER_SUBJECT, type WorkerDeps } from '../pipeline/index.js';
import { ORDER_KINDS, ORDER_STATUSES } from '../store/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody, LimitText } from './routing/common-schemas.js';
import { StringEnumOf } from './schemas/fields.js';

const ListQuery = Type.Object(
  {
    partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    status: Type.Optional(StringEnumOf(ORDER_STATUSES, `one of ${ORDER_STATUSES.join(', ')}`)),
    kind: Type.Optional(StringEnumOf(ORDER_KINDS, `one of ${ORDER_KINDS.join(', ')}`)),
    poNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(LimitText),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

/**
 * Orders as the core decided on them (viewer):
 * - `GET /api/orders?partner=ID&status=&poNumber=&kind=&limit=`: newest first, with their lines.
 * - `GET /api/orders/:id`: one order with its lines, the stock it holds, its exceptions and its
 *   audit trail.
 *
 * @example
 * app.use('/api/orders', orderRoutes(catalog, services).express);
 */
export function orderRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api/orders');
  const { repositories } = services;
  const tags = ['orders'];

  routes.define(
    {
      method: 'get',
      path: '/',
      summary: 'Orders, newest first',
      tags,
      role: 'viewer',
      query: ListQuery,
      responses: { 200: { description: '`{ orders }`', schema: AnyObject } },
    },
    async ({ res, query }) => {
      const orders = await repositories.orders.list({
        ...(query.partner === undefined ? {} : { partnerId: query.partner }),
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(query.kind === undefined ? {} : { kind: query.kind }),
        ...(query.poNumber === undefined ? {} : { poNumber: query.poNumber }),
        ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      });
      res.json({ orders });
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/:id',
      summary: 'One order with its reservations, exceptions and audit trail',
      tags,
      role: 'viewer',
      params: IdParams,
      responses: {
        200: { description: '`{ order, reservations, exceptions, audit }`', schema: AnyObject },
        404: { description: 'no such order', schema: ErrorBody },
      },
    },
    async ({ res, params }) => {
      const id = params.id;
      const order = await repositories.orders.get(id);
      if (order === null) {
        throw new GatewayError('not-found', `order ${id} does not exist`, { permanent: true, status: 404 });
      }
      const [reservations, exceptions, audit] = await Promise.all([
        repositories.inventory.reservations(id),
        repositories.exceptions.list({ subjectType: ORDER_SUBJECT, subjectId: id }),
        repositories.audit.list({ type: ORDER_SUBJECT, id }),
      ]);
      res.json({ order, reservations, exceptions, audit });
    },
  );
  return routes;
}
