import { Type } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import type { PartnerRegistry } from '../partners/index.js';
import type { PipelineQueues, WorkerDeps } from '../pipeline/index.js';
import type { ApiCatalog } from './routing/api-catalog.js';
import { AnyObject } from './routing/common-schemas.js';
import { StringEnumOf } from './schemas/fields.js';
import { createX12ToolRunner, X12ToolBusy, type X12ToolRequest } from './x12-tools.js';

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
 * Stateless X12 tools (viewer): nothing is stored. A file over 256 KB is read in a worker thread
 * of its own (two at once; a third is answered 503 with Retry-After), so the gateway keeps
 * answering while it is read; one too large for the thread's heap is answered 413.
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
    async ({ req, res, query }) => {
      await answer(res, {
        tool: 'translate',
        bytes: body(req),
        partnerId: query.partner,
        partners: options.partners?.all(),
        mappingsDir: options.mappingsDir,
      });
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
    async ({ req, res, query }) => {
      await answer(res, { tool: 'ack', bytes: body(req), type: query.type, ta1: query.ta1 ?? 'auto' });
    },
  );
  return routes;
}

/** Runs a tool call off the request thread when the file is large (see `createX12ToolRunner`). */
const runTool = createX12ToolRunner();

async function answer(res: Response, request: X12ToolRequest): Promise<void> {
  try {
    const result = await runTool(request);
    res.status(result.status).type(result.contentType).send(result.body);
  } catch (error) {
    if (!(error instanceof X12ToolBusy)) throw error;
    res
      .status(503)
      .set('Retry-After', '5')
      .json({ error: { code: 'busy', message: `${error.message}; send it again shortly` } });
  }
}

function body(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}
