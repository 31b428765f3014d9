import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGatewayMetrics,
  createLogger,
  httpLogger,
  httpMetrics,
  metricsHandler,
} from '../../../src/observability/index.js';
import { captureLines } from '../../unit/observability/capture-stream.js';

const { stream, lines } = captureLines();
const metrics = createGatewayMetrics({ processMetrics: false });
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(httpLogger(createLogger({ level: 'debug', destination: stream })));
  app.use(httpMetrics(metrics));
  app.get('/healthz', (_req, res) => void res.send('ok'));
  app.get('/metrics', metricsHandler(metrics));
  const api = express.Router();
  api.get('/transmissions/:id', (_req, res) => {
    res.json({ requestId: res.locals['requestId'] as string });
  });
  api.get('/broken', () => {
    throw new Error('driver said postgres://edi:pw@db/edi is gone');
  });
  app.use('/api', api);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The log line of the request with this id, once its response is finished. */
async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 50; i++) {
    const found = lines().find((line) => line['requestId'] === requestId);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line for ${requestId}`);
}

describe('httpLogger on a real server', () => {
  it('keeps an acceptable X-Request-Id, returns it and logs the request with it', async () => {
    const response = await fetch(`${base}/api/transmissions/t-1?apiKey=edik_abc_secret&page=2`, {
      headers: { 'X-Request-Id': 'lb-42:a.b_c', authorization: 'Bearer xyz' },
    });
    expect(response.headers.get('x-request-id')).toBe('lb-42:a.b_c');
    expect(await response.json()).toEqual({ requestId: 'lb-42:a.b_c' });
    const line = await lineOf('lb-42:a.b_c');
    expect(line).toMatchObject({
      level: 30,
      requestId: 'lb-42:a.b_c',
      req: { method: 'GET', url: '/api/transmissions/t-1?apiKey=***&page=2' },
      res: { statusCode: 200 },
    });
    expect(typeof line['durationMs']).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret');
    expect(JSON.stringify(line)).not.toContain('xyz');
  });

  it('replaces an unacceptable request id by a UUID', async () => {
    const response = await fetch(`${base}/api/transmissions/t-2`, { headers: { 'X-Request-Id': 'a b' } });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await response.json()).toEqual({ requestId: id });
    expect(await lineOf(id)).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it('logs refusals at warn, server errors at error and health checks at debug', async () => {
    const missing = await fetch(`${base}/nowhere`);
    const broken = await fetch(`${base}/api/broken`);
    const health = await fetch(`${base}/healthz`);
    expect([missing.status, broken.status, health.status]).toEqual([404, 500, 200]);
    const levelOf = async (response: Response) =>
      (await lineOf(response.headers.get('x-request-id') ?? ''))['level'];
    expect(await levelOf(missing)).toBe(40);
    expect(await levelOf(broken)).toBe(50);
    expect(await levelOf(health)).toBe(20);
  });

  it('counts requests by matched route, never by raw URL, and serves them', async () => {
    await fetch(`${base}/api/transmissions/t-3`);
    await fetch(`${base}/api/transmissions/t-4`);
    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const text = await scrape.text();
    expect(text).toMatch(
      /edi_http_requests_total\{method="GET",route="\/api\/transmissions\/:id",status="200"\} [4-9]/,
    );
    expect(text).toContain('edi_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).not.toContain('t-3');
    expect(text).toContain(
      'edi_http_request_duration_seconds_count{method="GET",route="/broken",status="500"} 1',
    );
  });
});
