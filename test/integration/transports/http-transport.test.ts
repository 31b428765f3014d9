import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/transports/index.js';
import { binaryPayload, expectTransportError } from '../../contracts/transport-contract.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A partner's endpoint on loopback that answers each post with the next status in `statuses`. */
async function partnerEndpoint(
  statuses: number[],
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = statuses.shift() ?? 200;
      res.end(res.statusCode >= 400 ? 'mailbox full' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/edi/in`, received, server };
}

describe('HTTP transport (we post to the partner)', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('posts the exact bytes with the token, the file name and an idempotency key', async () => {
    const endpoint = await partnerEndpoint([202]);
    servers.push(endpoint.server);
    const transport = createHttpTransport({ url: endpoint.url, token: 's3cret', label: 'partner acme' });
    const bytes = binaryPayload(50_000);
    const receipt = await transport.deliver('855-000000007.x12', bytes);
    expect(receipt).toMatchObject({ name: '855-000000007.x12', size: 50_000, location: endpoint.url });
    const [post] = endpoint.received;
    expect(new Uint8Array(post!.body)).toEqual(bytes);
    expect(post!.headers).toMatchObject({
      authorization: 'Bearer s3cret',
      'content-type': 'application/edi-x12',
      'idempotency-key': '855-000000007.x12',
      'content-disposition': 'attachment; filename="855-000000007.x12"',
    });
    expect(await transport.poll()).toEqual([]);
  });

  it('treats 5xx and 429 as worth a retry, and 4xx as a refusal naming the partner and status', async () => {
    const endpoint = await partnerEndpoint([503, 429, 401]);
    servers.push(endpoint.server);
    const transport = createHttpTransport({ url: endpoint.url, token: 'x', label: 'partner acme' });
    await expectTransportError(transport.deliver('A.x12', binaryPayload(10)), 'transport-unavailable', false);
    await expectTransportError(transport.deliver('A.x12', binaryPayload(10)), 'transport-unavailable', false);
    const refused = await transport.deliver('A.x12', binaryPayload(10)).catch((error: Error) => error);
    expect((refused as Error).message).toMatch(
      /^partner acme: posting A\.x12 to .* was refused with 401 \(check the token/,
    );
  });

  it('reports a partner endpoint that does not answer as unavailable', async () => {
    const endpoint = await partnerEndpoint([]);
    await new Promise((resolve) => endpoint.server.close(resolve));
    const transport = createHttpTransport({ url: endpoint.url, token: 'x' });
    await expectTransportError(transport.deliver('A.x12', binaryPayload(10)), 'transport-unavailable', false);
  });

  it('refuses to take files (partners post theirs to the intake route) and every call after close', async () => {
    const transport = createHttpTransport({ url: 'http://127.0.0.1:9/', token: 'x' });
    await expectTransportError(
      transport.take({ name: 'a', path: 'a', size: 1, modifiedAt: new Date(), reference: '' }),
      'transport-refused',
      true,
    );
    await expectTransportError(transport.deliver('../x', binaryPayload(1)), 'transport-refused', true);
    await transport.close();
    await expectTransportError(transport.deliver('A.x12', binaryPayload(1)), 'transport-closed', true);
  });
});
