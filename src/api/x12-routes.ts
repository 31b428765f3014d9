import { Type } from '@sinclair/typebox';
import type { Request } from 'express';
import { translateX12 } from '../mapping/index.js';
import type { PartnerRegistry } from '../partners/index.js';
import type { PipelineQueues, WorkerDeps } from '../pipeline/index.js';
import { buildAcknowledgement, readX12 } from '../x12/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject } from './routing/common-schemas.js';
import { StringEnumOf } from './schemas/fields.js';

/** What the routes read with: the partners (for their mappings) and the mappings folder. */
export interface AppOptions {
  partners?: PartnerRegistry;
  mappingsDir?: string;
  /** The store and queues of a running gateway; without them only /healthz and /readyz are served. */
  services?: WorkerDeps<PipelineQueues>;
}

const PartnerText = Type.String({ minLength: 1, maxLength: 64 });
const X12_BODY = { contentType: 'application/edi-x12', description: 'an X12 file, read as raw bytes' };

/**
 * Stateless X12 tools (viewer): nothing is stored.
 * - `POST /api/x12/translate?partner=`: canonical documents and diagnostics as JSON (422 when
 *   rejected).
 * - `POST /api/x12/ack?type=997|999&ta1=auto|always|never&partner=`: the acknowledgement X12 as
 *   text.
 *
 * @example
 * app.use('/api/x12', express.raw({ type: () => true, limit: '100mb' }), x12Routes(catalog, options).express);
 */
export function x12Routes(catalog: ApiCatalog, options: AppOptions = {}) {
  const routes = catalog.router('/api/x12');
  const tags = ['x12'];
  routes.define(
    {
      method: 'post',
      path: '/translate',
      summary: 'Translate an X12 file into canonical documents, with diagnostics',
      tags,
      role: 'viewer',
      query: Type.Object({ partner: Type.Optional(PartnerText) }, { additionalProperties: false }),
      rawBody: X12_BODY,
      responses: {
        200: { description: '`{ accepted, documents, diagnostics }`', schema: AnyObject },
        422: { description: 'rejected: `{ accepted: false, documents, diagnostics }`', schema: AnyObject },
      },
    },
    ({ req, res, query }) => {
      const partnerId = query.partner;
      const known = partnerId === undefined ? undefined : options.partners?.byId(partnerId);
      const result = translateX12(body(req), {
        ...(options.mappingsDir ? { mappingsDir: options.mappingsDir } : {}),
        ...(options.partners ? { partners: options.partners } : {}),
        ...(known?.kind === 'x12' ? { partner: known } : partnerId ? { partnerId } : {}),
      });
      res
        .status(result.accepted ? 200 : 422)
        .json({ accepted: result.accepted, documents: result.documents, diagnostics: result.diagnostics });
    },
  );
  routes.define(
    {
      method: 'post',
      path: '/ack',
      summary: 'The 997/999 (and TA1 where due) the gateway would send for an X12 file',
      tags,
      role: 'viewer',
      query: Type.Object(
        {
          type: Type.Optional(StringEnumOf(['997', '999'] as const, '997 or 999')),
          ta1: Type.Optional(StringEnumOf(['auto', 'always', 'never'] as const, 'auto, always or never')),
        },
        { additionalProperties: false },
      ),
      rawBody: X12_BODY,
      responses: {
        200: { description: 'the acknowledgement X12', contentType: 'application/edi-x12' },
        422: {
          description: 'no interchange could be read: `{ accepted: false, diagnostics }`',
          schema: AnyObject,
        },
      },
    },
    ({ req, res, query }) => {
      const read = readX12(body(req));
      if (read.interchanges.length === 0) {
        res.status(422).json({ accepted: false, diagnostics: read.diagnostics });
        return;
      }
      const texts = read.interchanges.map(
        (interchange, i) =>
          buildAcknowledgement(interchange, {
            ...(query.type ? { type: query.type } : {}),
            ta1: query.ta1 ?? 'auto',
            controlNumbers: { interchange: i + 1, group: i + 1, transactionSet: 1 },
            now: new Date(),
            segmentNewline: true,
          }).x12,
      );
      res.type('application/edi-x12').send(texts.filter((t) => t !== undefined).join(''));
    },
  );
  return routes;
}

function body(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
