import { Type } from '@sinclair/typebox';
import { createPartnerKey, createStaffKey, listApiKeys, revokeApiKey, STAFF_ROLES } from '../auth/index.js';
import type { WorkerDeps } from '../pipeline/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject, ErrorBody } from './routing/common-schemas.js';
import { badRequest } from './request-validation.js';
import { StringEnumOf } from './schemas/fields.js';

const ROLES = [...STAFF_ROLES, 'partner'] as const;
const NewKeyBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 128,
      description: 'who holds it; the audit actor of its requests',
    }),
    role: StringEnumOf(ROLES, `one of ${ROLES.join(', ')}`),
    partnerId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'for role partner only' }),
    ),
  },
  { additionalProperties: false },
);
const KeyParams = Type.Object(
  { id: Type.String({ pattern: '^[0-9a-f]{12}$' }) },
  { additionalProperties: false },
);

/**
 * API keys (admin): list, issue (the token is in the answer once), revoke. The same operations as
 * `edi-gateway keys`, audited under the caller.
 *
 * @example
 * app.use('/api/keys', keyRoutes(catalog, services).express);
 */
export function keyRoutes(catalog: ApiCatalog, services: WorkerDeps) {
  const routes = catalog.router('/api/keys');
  const deps = { repositories: services.repositories, partners: services.partners };
  const tags = ['keys'];

  routes.define(
    {
      method: 'get',
      path: '/',
      summary: 'API keys, oldest first, without secrets',
      tags,
      role: 'admin',
      query: Type.Object(
        {
          partner: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          all: Type.Optional(StringEnumOf(['true', 'false'] as const, 'true to include revoked keys')),
        },
        { additionalProperties: false },
      ),
      responses: { 200: { description: '`{ keys }`', schema: AnyObject } },
    },
    async ({ res, query, actor }) => {
      const filter = {
        ...(query.partner === undefined ? {} : { partnerId: query.partner }),
        includeRevoked: query.all === 'true',
      };
      res.json({ keys: await listApiKeys(filter, actor, deps) });
    },
  );

  routes.define(
    {
      method: 'post',
      path: '/',
      summary: 'Issue a key; its token is answered this once',
      tags,
      role: 'admin',
      body: NewKeyBody,
      responses: {
        201: { description: '`{ key, token }`', schema: AnyObject },
        400: { description: 'a bad name, role or partner', schema: ErrorBody },
      },
    },
    async ({ res, body, actor }) => {
      if ((body.role === 'partner') !== (body.partnerId !== undefined)) {
        throw badRequest('body/partnerId: is given for role partner, and only for it');
      }
      const created =
        body.role === 'partner'
          ? await createPartnerKey({ partnerId: body.partnerId ?? '', name: body.name }, actor, deps)
          : await createStaffKey({ role: body.role, name: body.name }, actor, deps);
      res.status(201).json(created);
    },
  );

  routes.define(
    {
      method: 'delete',
      path: '/:id',
      summary: 'Revoke a key; its console sessions end too',
      tags,
      role: 'admin',
      params: KeyParams,
      responses: {
        200: { description: '`{ key, revokedNow }`', schema: AnyObject },
        404: { description: 'no such key', schema: ErrorBody },
      },
    },
    async ({ res, params, actor }) => {
      res.json(await revokeApiKey(params.id, actor, deps));
    },
  );
  return routes;
}
