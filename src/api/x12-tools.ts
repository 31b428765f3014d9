import { Worker } from 'node:worker_threads';
import { translateX12 } from '../mapping/index.js';
import { PartnerRegistry, type PartnerConfig } from '../partners/index.js';
import { buildAcknowledgement, readX12 } from '../x12/index.js';

/** One call of the stateless X12 tools, as sent to a worker thread (plain data only). */
export type X12ToolRequest =
  | {
      tool: 'translate';
      bytes: Uint8Array;
      partnerId?: string | undefined;
      /** The partner files as loaded: plain data, so a worker thread gets a copy. */
      partners?: readonly PartnerConfig[] | undefined;
      mappingsDir?: string | undefined;
    }
  | { tool: 'ack'; bytes: Uint8Array; type?: '997' | '999' | undefined; ta1: 'auto' | 'always' | 'never' };

/** The HTTP answer of a tool call: its status, content type and body, serialised in the worker. */
export interface X12ToolAnswer {
  status: number;
  contentType: 'application/json' | 'application/edi-x12';
  body: string;
}

/**
 * Runs a tool call where it is: translation into canonical documents (200, or 422 when rejected)
 * or the acknowledgement the gateway would send (422 when no interchange could be read). The body
 * is serialised here too, since stringifying the documents of a large file is itself long.
 */
export function runX12Tool(request: X12ToolRequest): X12ToolAnswer {
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  if (request.tool === 'translate') {
    const partners = request.partners === undefined ? undefined : new PartnerRegistry(request.partners);
    const known = request.partnerId === undefined ? undefined : partners?.byId(request.partnerId);
    const result = translateX12(bytes, {
      ...(request.mappingsDir ? { mappingsDir: request.mappingsDir } : {}),
      ...(partners ? { partners } : {}),
      ...(known?.kind === 'x12'
        ? { partner: known }
        : request.partnerId
          ? { partnerId: request.partnerId }
          : {}),
    });
    return {
      status: result.accepted ? 200 : 422,
      contentType: 'application/json',
      body: JSON.stringify({
        accepted: result.accepted,
        documents: result.documents,
        diagnostics: result.diagnostics,
      }),
    };
  }
  const read = readX12(bytes);
  if (read.interchanges.length === 0) {
    return {
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ accepted: false, diagnostics: read.diagnostics }),
    };
  }
  const texts = read.interchanges.map(
    (interchange, i) =>
      buildAcknowledgement(interchange, {
        ...(request.type ? { type: request.type } : {}),
        ta1: request.ta1,
        controlNumbers: { interchange: i + 1, group: i + 1, transactionSet: 1 },
        now: new Date(),
        segmentNewline: true,
      }).x12,
  );
  return {
    status: 200,
    contentType: 'application/edi-x12',
    body: texts.filter((t) => t !== undefined).join(''),
  };
}

export interface X12ToolLimits {
  /** Bodies up to this size run on the request thread: reading them takes milliseconds. Default 256 KB. */
  inlineBytes?: number;
  /** Tool calls running in worker threads at once; more are answered 503. Default 2. */
  maxThreads?: number;
  /** The heap of a worker thread, in MB. Default 2048. */
  threadHeapMb?: number;
}

/** Why a tool call was not run. */
export class X12ToolBusy extends Error {}

/**
 * Runs tool calls on the request thread when small, in a worker thread of their own otherwise
 * (at most `maxThreads` at once), so that one large file cannot stall the gateway's other
 * requests: a 95 MB translate blocked `/healthz` for 46 s on the request thread.
 */
export function createX12ToolRunner(
  limits: X12ToolLimits = {},
): (request: X12ToolRequest) => Promise<X12ToolAnswer> {
  const inlineBytes = limits.inlineBytes ?? 256 * 1024;
  const maxThreads = limits.maxThreads ?? 2;
  let running = 0;
  return async (request) => {
    if (request.bytes.byteLength <= inlineBytes) return runX12Tool(request);
    if (running >= maxThreads) throw new X12ToolBusy(`${running} large X12 files are being read already`);
    running += 1;
    try {
      return await inThread(request, limits.threadHeapMb ?? 2048);
    } finally {
      running -= 1;
    }
  };
}

function inThread(request: X12ToolRequest, heapMb: number): Promise<X12ToolAnswer> {
  // Built, the worker is a .js file beside this one. From the sources (tests, tsx) it is
  // TypeScript, loaded through tsx's own import, as worker threads do not inherit its hooks.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./x12-tool-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const options = { workerData: request, resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  return new Promise((resolve, reject) => {
    const worker = fromSource
      ? new Worker(
          `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`,
          { ...options, eval: true },
        )
      : new Worker(url, options);
    let answered = false;
    worker.once('message', (answer: X12ToolAnswer) => {
      answered = true;
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      answered = true;
      if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(error);
        return;
      }
      resolve({
        status: 413,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'too-large',
            message: `the file is too large to read here within ${heapMb} MB; use edi-gateway translate --ndjson, which streams`,
          },
        }),
      });
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the X12 tool thread stopped (exit code ${code}) without an answer`));
    });
  });
}
