import type { TSchema } from '@sinclair/typebox';
import type { CatalogEntry } from './route-spec.js';
import { ErrorBody } from './common-schemas.js';

/** JSON of a TypeBox schema: TypeBox's own marks are symbols, which JSON leaves out. */
function plain(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(entry: CatalogEntry): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ['path', entry.params],
    ['query', entry.query],
  ] as const) {
    if (schema === undefined) continue;
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties)) {
      const described = plain(property);
      list.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(typeof described['description'] === 'string' ? { description: described['description'] } : {}),
        schema: described,
      });
    }
  }
  return list;
}

const SECURITY = [{ bearerKey: [] }, { headerKey: [] }, { sessionCookie: [] }];

function operation(entry: CatalogEntry): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(entry.responses)) {
    const contentType =
      response.contentType ?? (response.schema === undefined ? undefined : 'application/json');
    responses[status] = {
      description: response.description,
      ...(contentType === undefined
        ? {}
        : {
            content: {
              [contentType]: response.schema === undefined ? {} : { schema: plain(response.schema) },
            },
          }),
    };
  }
  const error = { $ref: '#/components/responses/Error' };
  if (entry.query !== undefined || entry.params !== undefined || entry.body !== undefined) {
    responses['400'] ??= error;
  }
  if (entry.role !== 'public') {
    responses['401'] ??= error;
    responses['403'] ??= error;
    responses['429'] ??= error;
  }
  responses['500'] ??= error;
  const body =
    entry.body !== undefined
      ? { required: true, content: { 'application/json': { schema: plain(entry.body) } } }
      : entry.rawBody !== undefined
        ? {
            required: true,
            description: entry.rawBody.description,
            content: { [entry.rawBody.contentType]: { schema: { type: 'string', format: 'binary' } } },
          }
        : undefined;
  return {
    summary: entry.summary,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    tags: entry.tags,
    operationId: `${entry.method}${entry.fullPath.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    'x-required-role': entry.role,
    security: entry.role === 'public' ? [] : SECURITY,
    parameters: parameters(entry),
    ...(body === undefined ? {} : { requestBody: body }),
    responses,
  };
}

/**
 * The OpenAPI 3.1 description of every route in the catalog, from the same schemas that validate
 * the requests. Each operation names the role it needs (`x-required-role`).
 *
 * @example
 * app.get('/api/openapi.json', (_req, res) => res.json(buildOpenApi(catalog.entries, '0.1.0')));
 */
export function buildOpenApi(entries: readonly CatalogEntry[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const entry of entries) {
    const path = (paths[openApiPath(entry.fullPath)] ??= {});
    path[entry.method] = operation(entry);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'edi-gateway',
      version,
      description:
        'The gateway API. Every route but the login needs an API key (Authorization: Bearer edik_... or X-Api-Key) or a console session cookie; requests that change something on a session also need its X-CSRF-Token. Roles: viewer reads; operator also resends, reprocesses, resolves exceptions and posts events; admin also manages keys and master data; partner keys only post their own transmissions.',
    },
    paths,
    components: {
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'an API key, edik_<id>_<secret>' },
        headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'edi_session' },
      },
      responses: {
        Error: {
          description: 'the request was refused or failed; `code` is stable, `message` says why',
          content: { 'application/json': { schema: plain(ErrorBody) } },
        },
      },
    },
  };
}
