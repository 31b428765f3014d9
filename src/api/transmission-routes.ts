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
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody, LimitText } from './routing/common-schemas.js';
import { OptionalText, TransmissionFilterFields } from './schemas/transmission-filter.js';

const IdParams = Type.Object(
  {
    id: Type.String({
      pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      description: 'a transmission id (a UUID)',
    }),
  },
  { additionalProperties: false },
);
const NoBody = Type.Object(
  {},
  { additionalProperties: false, description: 'no fields: the actor is the caller' },
);

const ListQuery = Type.Object(
  {
    ...TransmissionFilterFields,
    cursor: OptionalText('the `next` of the previous page'),
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

  const operations = {
    resend: {
      summary: 'Deliver an outbound transmission again, same bytes and name',
      refused: 'not resendable in its status or direction',
      run: resendTransmission,
    },
    reprocess: {
      summary: 'Read an inbound transmission again from its stored bytes',
      refused: 'not reprocessable',
      run: reprocessTransmission,
    },
  } as const;
  for (const [name, operation] of Object.entries(operations)) {
    routes.define(
      {
        method: 'post',
        path: `/:id/${name}`,
        summary: operation.summary,
        tags,
        role: 'operator',
        params: IdParams,
        body: NoBody,
        responses: {
          200: { description: 'queued', schema: AnyObject },
          ...notFound,
          409: { description: operation.refused, schema: ErrorBody },
        },
      },
      async ({ res, params, actor }) => {
        res.json(await operation.run(params.id, actor, services));
      },
    );
  }
  return routes;
}
