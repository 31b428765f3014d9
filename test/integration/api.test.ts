import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/api/index.js';
import { staffKeys } from './api/staff-keys.js';
import { startHarness, type Harness } from './pipeline/pipeline-harness.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/x12/${path}`, import.meta.url));

interface TranslateBody {
  accepted: boolean;
  documents: { type: string; partnerId: string; poNumber: string; lines: unknown[] }[];
  diagnostics: {
    level: string;
    severity: string;
    code: string;
    segmentId?: string;
    segmentPosition?: number;
    elementPosition?: number;
    message: string;
  }[];
}

let server: Server;
let base: string;
let good850: Buffer;
let h: Harness;
let viewerKey: string;

beforeAll(async () => {
  h = await startHarness();
  const services = { repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues };
  viewerKey = await staffKeys(h.repositories)('x12 tools', 'viewer');
  // No partner registry for the X12 tools: files are read with the default mappings.
  server = await startServer({ PORT: 0 }, '127.0.0.1', { services });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  good850 = await readFile(fixture('850/EdiEngine__850.OK.edi'));
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  await h.dispose();
});

function post(path: string, body: Buffer | string, contentType = 'application/edi-x12'): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, authorization: `Bearer ${viewerKey}` },
  });
}

describe('HTTP API', () => {
  it('GET /healthz answers 200 {status: ok}', async () => {
    const response = await fetch(`${base}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('POST /api/x12/translate with a good 850 answers 200 with the purchase order', async () => {
    const response = await post('/api/x12/translate', good850);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as TranslateBody;
    expect(body.accepted).toBe(true);
    expect(body.diagnostics).toEqual([]);
    expect(body.documents.map((d) => [d.type, d.poNumber, d.lines.length])).toEqual([
      ['purchase_order', '08292233294', 6],
    ]);
  });

  it('reads the body whatever its content type, and stamps ?partner= on the documents', async () => {
    const response = await post('/api/x12/translate?partner=bigbox', good850, 'text/plain');

    expect(response.status).toBe(200);
    const body = (await response.json()) as TranslateBody;
    expect(body.documents.map((d) => d.partnerId)).toEqual(['bigbox']);
  });

  it('POST /api/x12/translate of a large file is read in a worker thread: /healthz answers meanwhile, and the result is the same', async () => {
    // About 9 MB: 4,000 copies of the interchange, each with its own control number.
    const text = good850.toString('latin1');
    const copies = Array.from({ length: 4000 }, (_, i) => {
      const number = String(i + 1).padStart(9, '0');
      const elements = text.slice(0, text.indexOf('\n')).split('*');
      elements[13] = number;
      return `${elements.join('*')}${text.slice(text.indexOf('\n'))}`.replace(
        /^IEA\*(\d+)\*\d{9}/m,
        `IEA*$1*${number}`,
      );
    });
    const started = Date.now();
    const pending = post('/api/x12/translate', copies.join(''));
    let finished = false;
    let healthAnswered = 0;
    let slowestHealthMs = 0;
    const watch = (async () => {
      for (;;) {
        const at = Date.now();
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        slowestHealthMs = Math.max(slowestHealthMs, Date.now() - at);
        healthAnswered += 1;
        if (finished) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const response = await pending;
    finished = true;
    await watch;
    const body = (await response.json()) as TranslateBody;
    expect(body.documents).toHaveLength(4000);
    expect(body.documents[0]?.poNumber).toBe(body.documents[3999]?.poNumber);
    // Each /healthz was answered while the file was read, none held up for the reading.
    expect(healthAnswered).toBeGreaterThan(1);
    expect(slowestHealthMs).toBeLessThan((Date.now() - started) / 2);
  }, 120_000);

  it('POST /api/x12/translate with a bad file answers 422 with its diagnostics', async () => {
    const bad = good850.toString('utf8').replace('SE*33*000000010', 'SE*31*000000010');
    const response = await post('/api/x12/translate', bad);

    expect(response.status).toBe(422);
    const body = (await response.json()) as TranslateBody;
    expect(body.accepted).toBe(false);
    expect(body.documents).toEqual([]);
    expect(body.diagnostics).toHaveLength(1);
    expect(body.diagnostics[0]).toMatchObject({
      level: 'transaction',
      severity: 'error',
      code: '4',
      segmentId: 'SE',
      segmentPosition: 33,
      elementPosition: 1,
      message: 'SE01 says 31 segments but the set has 33 (ST to SE)',
    });
  });

  it('POST /api/x12/translate with an empty body answers 422 [empty]', async () => {
    const response = await post('/api/x12/translate', '');

    expect(response.status).toBe(422);
    const body = (await response.json()) as TranslateBody;
    expect(body.accepted).toBe(false);
    expect(body.diagnostics.map((d) => [d.level, d.code])).toEqual([['file', 'empty']]);
  });

  it('POST /api/x12/ack answers 200 with the 997 as X12 text', async () => {
    const response = await post('/api/x12/ack', good850);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/edi-x12/);
    const text = await response.text();
    expect(text.startsWith('ISA*00*          *00*          *ZZ*123456789012345*ZZ*ABCDEFGHIJKLMNO*')).toBe(
      true,
    );
    expect(text.split('\n').slice(2, 10)).toEqual([
      'ST*997*0001',
      'AK1*PO*1421',
      'AK2*850*000000010',
      'AK5*A',
      'AK9*A*1*1*1',
      'SE*6*0001',
      'GE*1*1',
      'IEA*1*000000001',
    ]);
  });

  it('POST /api/x12/ack?type=997 on a 005010 file answers with a 997 instead of a 999', async () => {
    const file = await readFile(fixture('850/bootstrap-archived__5010_850_input.edi'));
    const response = await post('/api/x12/ack?type=997', file);

    expect(response.status).toBe(200);
    const segments = (await response.text()).split('~\n');
    expect(segments[2]).toBe('ST*997*0001*005010');
  });

  it('POST /api/x12/ack?type=998 answers 400 with a JSON error naming the parameter', async () => {
    const response = await post('/api/x12/ack?type=998', good850);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'bad-request',
        message: 'query/type: must be one of 997, 999 (got "998")',
        requestId: expect.any(String) as unknown,
      },
    });
  });

  it('POST /api/x12/ack?ta1=sometimes answers 400', async () => {
    const response = await post('/api/x12/ack?ta1=sometimes', good850);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'bad-request',
        message: 'query/ta1: must be one of auto, always, never (got "sometimes")',
        requestId: expect.any(String) as unknown,
      },
    });
  });

  it('POST /api/x12/ack with something that is not X12 answers 422 with the diagnostics', async () => {
    const response = await post('/api/x12/ack', 'po,sku,qty\n1,ABC,3\n2,DEF,4\n', 'text/csv');

    expect(response.status).toBe(422);
    const body = (await response.json()) as { accepted: boolean; diagnostics: { code: string }[] };
    expect(body.accepted).toBe(false);
    expect(body.diagnostics.map((d) => d.code)).toEqual(['not-x12']);
  });

  it('refuses the X12 tools without a key (401), and answers an unknown path with 404 JSON', async () => {
    const anonymous = await fetch(`${base}/api/x12/translate`, { method: 'POST', body: good850 });
    expect(anonymous.status).toBe(401);
    const response = await fetch(`${base}/api/x12/nothing-here`, {
      headers: { authorization: `Bearer ${viewerKey}` },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not-found', message: 'no such endpoint' } });
  });

  it('answers GET on a POST-only endpoint with 404 JSON', async () => {
    const response = await fetch(`${base}/api/x12/translate`, {
      headers: { authorization: `Bearer ${viewerKey}` },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not-found', message: 'no such endpoint' } });
  });
});
