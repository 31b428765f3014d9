import type { Request } from 'express';
import { badRequest } from './request-validation.js';

/** A query parameter given once and not empty; anything else is absent. */
export function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (Array.isArray(value)) throw badRequest(`query/${name}: give it once`);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A query parameter that must be one of `values` when given. */
export function queryChoice<const T extends string>(
  req: Request,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = queryText(req, name);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw badRequest(`query/${name}: must be one of ${values.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return value as T;
}

/** `?limit=`: a whole number from 1 to 500. */
export function queryLimit(req: Request): number | undefined {
  const value = queryText(req, 'limit');
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > 500) {
    throw badRequest(`query/limit: must be a whole number from 1 to 500 (got ${JSON.stringify(value)})`);
  }
  return limit;
}

/** A path parameter that must be a positive whole number (a numeric id). */
export function numericParam(req: Request, name: string): number {
  const value = String(req.params[name] ?? '');
  if (!/^[1-9]\d{0,15}$/.test(value)) {
    throw badRequest(`path/${name}: must be a positive whole number (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}
