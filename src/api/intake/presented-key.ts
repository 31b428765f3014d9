import type { Request } from 'express';

/**
 * The API key a request presents: `Authorization: Bearer <key>`, else `X-Api-Key: <key>`.
 * Undefined when neither is there (another Authorization scheme counts as none).
 *
 * @example
 * presentedKey(req); // 'edik_3f9a0c1b7e42_q7Lw...'
 */
export function presentedKey(req: Request): string | undefined {
  const authorization = req.get('authorization');
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  return bearer ?? req.get('x-api-key')?.trim() ?? undefined;
}
