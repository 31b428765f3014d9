import type { TObject, TSchema } from '@sinclair/typebox';
import type { RequiredRole } from '../../auth/index.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** One answer a route can give, for the OpenAPI description. */
export interface ResponseSpec {
  description: string;
  /** The JSON body's schema; absent for bodies that are not JSON or not described. */
  schema?: TSchema;
  /** Default `application/json` when a schema is given. */
  contentType?: string;
}

/**
 * What a route is: the one place its path, role and input schemas are written. The router
 * validates requests with these schemas, and `/api/openapi.json` is generated from them, so the
 * description cannot drift from what is enforced.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** Relative to where the router is mounted, in express syntax: `/:id/resend`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call it: a staff role at least, a partner key, or anyone (`public`). */
  role: RequiredRole | 'public';
  /** Every query parameter it takes (all text); any other is refused with 400. Default: none. */
  query?: TObject;
  params?: TObject;
  /** A JSON body, checked before the handler runs. */
  body?: TSchema;
  /** A body read as raw bytes, by its content type (`application/edi-x12`), described only. */
  rawBody?: { contentType: string; description: string };
  responses: Record<number, ResponseSpec>;
}

/** A route as the catalog keeps it: its spec and the whole path it is served at. */
export interface CatalogEntry extends RouteSpec {
  /** `/api/transmissions/:id/resend`. */
  fullPath: string;
}
