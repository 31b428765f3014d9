import { Type } from '@sinclair/typebox';
import {
  listTransmissions,
  parseListFilter,
  reprocessTransmission,
  resendTransmission,
  showTransmission,
  transmissionBytes,
  type WorkerDeps,
} from '../pipeline/index.js';
import { TRANSMISSION_STATUSES } from '../store/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody, LimitText } from './routing/common-schemas.js';

const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
const NoBody = Type.Object(
  {},
  { additionalProperties: false, description: 'no fields: the actor is the caller' },
);

const Text = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 128, description }));
const ListQuery = Type.Object(
  {
    status: Text(TRANSMISSION_STATUSES.join(', ')),
    direction: Text('inbound or outbound'),
    partner: Text('a partner id'),
    type: Text('an X12 set id (850, 855) or a canonical type (purchase_order)'),
    from: Text('received on or after: YYYY-MM-DD or an ISO 8601 instant'),
    to: Text('received on or before: YYYY-MM-DD (the whole day) or an ISO 8601 instant'),
    po: Text('a PO number'),
    invoice: Text('an invoice number'),
    shipment: Text('a shipment id'),
    isa13: Text('an interchange control number; leading zeros do not matter'),
    gs06: Text('a group control number; leading zeros do not matter'),
    st02: Text('a transaction set control number; leading zeros do not matter'),
    marketplaceOrder: Text('a marketplace order id'),
    search: Text('any of the numbers above'),
    cursor: Text('the `next` of the previous page'),
    limit: Type.Optional(LimitText),
  },
  { additionalProperties: false },
);

const notFound = { 404: { description: 'no such transmission', schema: ErrorBody } };

/**
 * Support operations on transmissions, each audited under the authenticated caller:
 * - `GET /api/transmissions`: newest first, filtered and searched (viewer);
 * - `GET /api/transmissions/:id`: everything about one; `/:id/raw`: the bytes as stored (viewer);
 * - `POST /api/transmissions/:id/resend` and `/reprocess` (operator). An operation that does not
 *   apply to the transmission (resending an inbound file) is 409.
 *
 * @example
 * app.use('/api/transmissions', transmissionRoutes(catalog, services).express);
 */
export function transmissionRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api/transmissions');
  const tags = ['transmissions'];

  routes.define(
    {
      method: 'get',
      path: '/',
      summary: 'List and search transmissions, newest first, a page at a time (`{ transmissions, next }`)',
      tags,
      role: 'viewer',
      query: ListQuery,
      responses: { 200: { description: 'the page of transmissions', schema: AnyObject } },
    },
    async ({ res, query, actor }) => {
      const filter = parseListFilter(query);
      res.json(await listTransmissions(filter, actor, services));
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/:id',
      summary:
        'One transmission: history, envelope, segments, documents, diagnostics, acknowledgements, audit',
      tags,
      role: 'viewer',
      params: IdParams,
      responses: { 200: { description: 'the transmission', schema: AnyObject }, ...notFound },
    },
    async ({ res, params, actor }) => {
      res.json(await showTransmission(params.id, actor, services));
    },
  );

  routes.define(
    {
      method: 'get',
      path: '/:id/raw',
      summary: 'The bytes of a transmission as stored',
      tags,
      role: 'viewer',
      params: IdParams,
      responses: {
        200: { description: 'the bytes', contentType: 'application/octet-stream' },
        ...notFound,
      },
    },
    async ({ res, params, actor }) => {
      const { fileName, bytes } = await transmissionBytes(params.id, actor, services);
      res.type('application/octet-stream').attachment(fileName).send(bytes);
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/:id/resend',
      summary: 'Deliver an outbound transmission again, same bytes and name',
      tags,
      role: 'operator',
      params: IdParams,
      body: NoBody,
      responses: {
        200: { description: 'queued', schema: AnyObject },
        ...notFound,
        409: { description: 'not resendable in its status or direction', schema: ErrorBody },
      },
    },
    async ({ res, params, actor }) => {
      res.json(await resendTransmission(params.id, actor, services));
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/:id/reprocess',
      summary: 'Read an inbound transmission again from its stored bytes',
      tags,
      role: 'operator',
      params: IdParams,
      body: NoBody,
      responses: {
        200: { description: 'queued', schema: AnyObject },
        ...notFound,
        409: { description: 'not reprocessable', schema: ErrorBody },
      },
    },
    async ({ res, params, actor }) => {
      res.json(await reprocessTransmission(params.id, actor, services));
    },
  );
  return routes;
}
