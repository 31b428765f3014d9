import { Router, type Request } from 'express';
import { GatewayError } from '../errors/index.js';
import { translateX12 } from '../mapping/index.js';
import type { PartnerRegistry } from '../partners/index.js';
import type { WorkerDeps } from '../pipeline/index.js';
import { buildAcknowledgement, readX12 } from '../x12/index.js';

/**
 * `POST /api/x12/translate`: canonical documents and diagnostics as JSON (422 when rejected).
 * `POST /api/x12/ack?type=997|999&ta1=auto|always|never`: the acknowledgement X12 as text.
 */
/** What the routes read with: the partners (for their mappings) and the mappings folder. */
export interface AppOptions {
  partners?: PartnerRegistry;
  mappingsDir?: string;
  /**
   * The store and queues of a running gateway. Without them only the stateless endpoints
   * (health, X12 translate and ack) are served.
   */
  services?: WorkerDeps;
}

export function x12Routes(options: AppOptions = {}): Router {
  const router = Router();
  router.post('/translate', (req, res) => {
    const partnerId = optionalQuery(req, 'partner');
    const known = partnerId === undefined ? undefined : options.partners?.byId(partnerId);
    const result = translateX12(body(req), {
      ...(options.mappingsDir ? { mappingsDir: options.mappingsDir } : {}),
      ...(options.partners ? { partners: options.partners } : {}),
      ...(known?.kind === 'x12' ? { partner: known } : partnerId ? { partnerId } : {}),
    });
    res
      .status(result.accepted ? 200 : 422)
      .json({ accepted: result.accepted, documents: result.documents, diagnostics: result.diagnostics });
  });
  router.post('/ack', (req, res) => {
    const type = optionalQuery(req, 'type');
    if (type !== undefined && type !== '997' && type !== '999')
      throw badRequest(`type must be 997 or 999, not '${type}'`);
    const ta1 = optionalQuery(req, 'ta1') ?? 'auto';
    if (ta1 !== 'auto' && ta1 !== 'always' && ta1 !== 'never')
      throw badRequest(`ta1 must be auto, always or never, not '${ta1}'`);
    const read = readX12(body(req));
    if (read.interchanges.length === 0) {
      res.status(422).json({ accepted: false, diagnostics: read.diagnostics });
      return;
    }
    const texts = read.interchanges.map(
      (interchange, i) =>
        buildAcknowledgement(interchange, {
          ...(type ? { type } : {}),
          ta1,
          controlNumbers: { interchange: i + 1, group: i + 1, transactionSet: 1 },
          now: new Date(),
          segmentNewline: true,
        }).x12,
    );
    res.type('application/edi-x12').send(texts.filter((t) => t !== undefined).join(''));
  });
  return router;
}

function body(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

function optionalQuery(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function badRequest(message: string): GatewayError {
  return new GatewayError('bad-request', message, { permanent: true, status: 400 });
}
