import type { Request, Response } from 'express';
import { IntakeError } from './intake-error.js';

/**
 * Reads the whole body, refusing (413) a body over `limit` bytes: by its Content-Length before
 * anything is read, or, for a chunked body, as soon as the count passes the limit, without
 * reading the rest. A refused request's connection is closed after the answer, so that Node does
 * not read the remainder to keep the connection alive.
 *
 * @example
 * const bytes = await readBody(req, res, 50 * 1024 * 1024, 'acme-retail');
 */
export async function readBody(
  req: Request,
  res: Response,
  limit: number,
  partnerId: string,
): Promise<Buffer> {
  const declared = req.get('content-length');
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
    res.set('Connection', 'close');
    throw IntakeError.tooLarge(Number(declared), limit, partnerId);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (error: Error | undefined) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (error === undefined) resolve(Buffer.concat(chunks, size));
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Not req.destroy(): that would close the socket before the 413 could be written.
      req.pause();
      res.set('Connection', 'close');
      settle(IntakeError.tooLarge(undefined, limit, partnerId));
    };
    const onEnd = () => settle(undefined);
    const onError = () => settle(IntakeError.incomplete());
    const onClose = () => settle(IntakeError.incomplete());
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}
