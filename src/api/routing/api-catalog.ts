import { Router, type Request, type RequestHandler, type Response } from 'express';
import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import { validateRequest } from '../request-validation.js';
import { requireRole } from '../security/require-role.js';
import { principalOf, type Principal } from '../security/principal.js';
import type { CatalogEntry, RouteSpec } from './route-spec.js';

const NO_QUERY = Type.Object({}, { additionalProperties: false });

/** What a handler receives: the request's inputs, already checked against the route's schemas. */
export interface RouteContext<Q, P, B> {
  req: Request;
  res: Response;
  query: Q;
  params: P;
  body: B;
  /** The caller; undefined only on public routes. */
  principal: Principal | undefined;
  /** The audit actor: the caller's key name or username (`anonymous` on public routes). */
  actor: string;
}

/**
 * The routes of the API, each defined once with its role and schemas. Routers made here enforce
 * both; {@link buildOpenApi} describes them.
 *
 * @example
 * const catalog = new ApiCatalog();
 * const routes = catalog.router('/api/transmissions');
 * routes.define({ method: 'get', path: '/:id', role: 'viewer', ... }, async ({ params, res }) => { ... });
 * app.use('/api/transmissions', routes.express);
 */
export class ApiCatalog {
  readonly entries: CatalogEntry[] = [];

  router(prefix: string): ApiRouter {
    return new ApiRouter(prefix, this.entries);
  }

  /** Describes a route that a router of its own serves (partner intake), for OpenAPI only. */
  describe(fullPath: string, spec: RouteSpec): void {
    this.entries.push({ ...spec, fullPath });
  }
}

export class ApiRouter {
  readonly express = Router();

  constructor(
    private readonly prefix: string,
    private readonly entries: CatalogEntry[],
  ) {}

  /** Adds a route: role check, then query, path and body checks, then the handler. */
  define<
    Q extends TObject = TObject<Record<string, never>>,
    P extends TObject = TObject<Record<string, never>>,
    B extends TSchema = TSchema,
  >(
    spec: Omit<RouteSpec, 'query' | 'params' | 'body'> & { query?: Q; params?: P; body?: B },
    handler: (context: RouteContext<Static<Q>, Static<P>, Static<B>>) => Promise<void> | void,
  ): this {
    this.entries.push({ ...spec, fullPath: `${this.prefix}${spec.path === '/' ? '' : spec.path}` });
    const querySchema: TObject = spec.query ?? NO_QUERY;
    const checks: RequestHandler[] = spec.role === 'public' ? [] : [requireRole(spec.role)];
    this.express[spec.method](spec.path, ...checks, async (req, res) => {
      const query = validateRequest(querySchema, { ...req.query }, 'query');
      const params = spec.params === undefined ? {} : validateRequest(spec.params, { ...req.params }, 'path');
      // A request without a body is checked as `{}`, so a required field is named as missing.
      const given: unknown = req.body;
      const body = spec.body === undefined ? given : validateRequest(spec.body, given ?? {}, 'body');
      const principal = spec.role === 'public' ? undefined : principalOf(res);
      await handler({
        req,
        res,
        // Checked against the schemas the types come from; the compiler cannot follow that.
        query: query,
        params: params,
        body: body,
        principal,
        actor: principal?.name ?? 'anonymous',
      });
    });
    return this;
  }
}
