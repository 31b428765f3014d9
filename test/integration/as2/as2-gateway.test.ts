import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/api/index.js';
import { flagOverdueMdns } from '../../../src/pipeline/as2/receive-mdn.js';
import { as2TransportSettings } from '../../../src/transports/as2/index.js';
import type { PipelineQueues, WorkerDeps } from '../../../src/pipeline/index.js';
import type { X12PartnerConfig } from '../../../src/partners/index.js';
import { TransmissionSchema } from '../../../src/store/index.js';
import { createAs2Transport } from '../../../src/transports/as2/as2-transport.js';
import { servicesOver } from '../api/intake-fixture.js';
import { BUSINESS, SEED, TODAY } from '../orders/order-fixture.js';
import { interchange850 } from '../orders/order-850.js';
import { startHarness, type Harness } from '../pipeline/pipeline-harness.js';
import { opensslWorkspace } from './openssl-partner.js';
import { startOpensslAs2Partner, type OpensslAs2Partner } from './openssl-as2-partner.js';

/**
 * The gateway's AS2 route and AS2 deliveries against `openssl cms` as the independent partner:
 * openssl signs and encrypts what curl posts to POST /as2 and verifies the MDNs the gateway
 * answers; the gateway's 997 and 855 go to a receiver where openssl decrypts and verifies them
 * and signs the MDN the gateway checks.
 */
const ws = opensslWorkspace('as2-gateway-');
ws.party('gateway', 365);
ws.party('gateway-old', 365);
ws.party('partner', 365);
ws.party('partner-new', 365);
ws.party('stranger', 365);
ws.expiredParty('partner-expired');

const GATEWAY_ID = 'GATEWAY-AS2';
const PARTNER_AS2 = 'ACME AS2';
let h: Harness;
let services: WorkerDeps<PipelineQueues>;
let server: Server;
let base: string;
let partner: OpensslAs2Partner;

const transport = (url: string, extra: Record<string, unknown> = {}) => ({
  type: 'as2',
  ourId: GATEWAY_ID,
  theirId: PARTNER_AS2,
  url,
  ourCertificate: { file: ws.path('gateway.crt') },
  ourKey: { file: ws.path('gateway.key') },
  rolloverKeys: [
    { certificate: { file: ws.path('gateway-old.crt') }, key: { file: ws.path('gateway-old.key') } },
  ],
  theirCertificate: [
    { file: ws.path('partner.crt') },
    { file: ws.path('partner-new.crt') },
    { file: ws.path('partner-expired.crt') },
  ],
  signing: 'sha256',
  encryption: 'aes256-cbc',
  mdn: 'sync',
  ...extra,
});

beforeAll(async () => {
  partner = await startOpensslAs2Partner(ws, {
    partner: 'partner',
    gateway: 'gateway',
    partnerAs2Id: `"${PARTNER_AS2}"`,
    gatewayAs2Id: GATEWAY_ID,
  });
  h = await startHarness({
    inbound: ['850', '997'],
    outbound: ['855'],
    business: BUSINESS,
    seed: SEED,
    now: () => TODAY,
    transport: transport(partner.url),
  });
  services = servicesOver(h);
  server = await startServer({ PORT: 0 }, '127.0.0.1', { partners: services.partners, services });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await partner?.close();
  await h?.dispose();
  ws.dispose();
});

let sequence = 0;

/** A message as the partner's openssl makes it: signed by `signer`, encrypted to `recipient`. */
function opensslMessage(
  x12: string,
  options: { signer?: string; recipient?: string; tamper?: boolean; cipher?: string } = {},
): { file: string; messageId: string; mic: string } {
  const n = ++sequence;
  const entity = Buffer.from(
    `Content-Type: application/edi-x12\r\nContent-Disposition: attachment; filename="po-${n}.edi"\r\n\r\n${x12}`,
  );
  writeFileSync(ws.path(`po-${n}.eml`), entity);
  const signer = options.signer ?? 'partner';
  ws.openssl(
    'cms',
    '-sign',
    '-binary',
    '-in',
    `po-${n}.eml`,
    '-signer',
    `${signer}.crt`,
    '-inkey',
    `${signer}.key`,
    '-md',
    'sha256',
    '-out',
    `po-${n}.signed`,
  );
  if (options.tamper === true) {
    const signed = readFileSync(ws.path(`po-${n}.signed`), 'latin1');
    writeFileSync(ws.path(`po-${n}.signed`), signed.replace('PO1*1*', 'PO1*9*'), 'latin1');
  }
  ws.openssl(
    'cms',
    '-encrypt',
    '-binary',
    '-in',
    `po-${n}.signed`,
    '-outform',
    'DER',
    '-out',
    `po-${n}.der`,
    options.cipher ?? '-aes256',
    `${options.recipient ?? 'gateway'}.crt`,
  );
  return {
    file: ws.path(`po-${n}.der`),
    messageId: `<po-${n}.${Date.now()}@partner.example>`,
    mic: `${createHash('sha256').update(entity).digest('base64')}, sha-256`,
  };
}

/** Posts with curl, as a partner's AS2 software would; answers status, headers and body. */
async function curlPost(
  file: string,
  headers: Record<string, string>,
  path = '/as2',
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const out = ws.path(`answer-${++sequence}`);
  const args = ['-s', '-D', `${out}.head`, '-o', `${out}.body`, '--data-binary', `@${file}`];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  await promisify(execFile)('curl', [...args, `${base}${path}`]);
  const head = readFileSync(`${out}.head`, 'latin1').split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+ (\d+)/.exec(head[0] ?? '')?.[1]);
  const answerHeaders: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) answerHeaders[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers: answerHeaders, body: readFileSync(`${out}.body`) };
}

const as2Headers = (messageId: string, extra: Record<string, string> = {}) => ({
  'AS2-Version': '1.2',
  'AS2-From': `"${PARTNER_AS2}"`,
  'AS2-To': GATEWAY_ID,
  'Message-ID': messageId,
  'Content-Type': 'application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m',
  'Disposition-Notification-To': 'edi@partner.example',
  'Disposition-Notification-Options':
    'signed-receipt-protocol=optional, pkcs7-signature; signed-receipt-micalg=optional, sha-256',
  ...extra,
});

/** Verifies a signed MDN answer with openssl against the gateway's certificate; its report text. */
function opensslVerifiedMdn(answer: { headers: Record<string, string>; body: Buffer }): string {
  const n = ++sequence;
  writeFileSync(
    ws.path(`mdn-answer-${n}.eml`),
    Buffer.concat([Buffer.from(`Content-Type: ${answer.headers['content-type']}\r\n\r\n`), answer.body]),
  );
  return ws
    .openssl('cms', '-verify', '-in', `mdn-answer-${n}.eml`, '-CAfile', 'gateway.crt', '-purpose', 'any')
    .toString('latin1');
}

const po = (poNumber: string, isa13: number) =>
  interchange850(isa13, { poNumber, lines: [{ quantity: '2', price: '10.00', vendorPart: 'WID-1' }] });
/** Polls until `check` holds, or fails after `timeoutMs`. */
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const countInbound = () =>
  h.store.orm.em.fork().count(TransmissionSchema, { direction: 'inbound', channel: 'as2' });

describe('receiving over AS2', () => {
  it('stores what openssl signed and encrypted, answers an MDN openssl verifies, and sends the 997 and 855 back over AS2', async () => {
    const x12 = po('PO-AS2-1', 2001);
    const message = opensslMessage(x12);
    const answer = await curlPost(message.file, as2Headers(message.messageId));
    expect(answer.status).toBe(200);
    expect(answer.headers['as2-from']).toBe(GATEWAY_ID);
    const report = opensslVerifiedMdn(answer);
    expect(report).toContain(`Original-Message-ID: ${message.messageId}`);
    expect(report).toContain(`Received-Content-MIC: ${message.mic}`);
    expect(report).toMatch(/Disposition: automatic-action\/MDN-sent-automatically; processed\r?\n/);

    const stored = await h.repositories.transmissions.list({ direction: 'inbound' });
    const mine = stored.find((t) => t.sourceRef === message.messageId);
    expect(mine).toMatchObject({ channel: 'as2', partnerId: h.partner.id });
    const content = await h.repositories.transmissions.read(mine?.id ?? '');
    expect(Buffer.from(content?.payload ?? []).toString()).toBe(x12);

    // The 997 and the 855 reach the partner, where openssl decrypts them and verifies our signature.
    await waitFor(() => partner.taken.length >= 2, 30_000);
    const payloads = partner.taken.map((t) => t.verified.toString('latin1'));
    expect(payloads.some((p) => /ST\*997\*/.test(p))).toBe(true);
    expect(payloads.some((p) => /ST\*855\*/.test(p) && p.includes('PO-AS2-1'))).toBe(true);
    await waitFor(async () => {
      const out = await h.repositories.transmissions.list({ direction: 'outbound' });
      return out.length >= 2 && out.every((t) => t.status === 'sent');
    }, 30_000);
  });

  it('answers a message sent again under the same Message-ID with the same MDN, and stores nothing twice', async () => {
    const message = opensslMessage(po('PO-AS2-DUP', 2002));
    const first = await curlPost(message.file, as2Headers(message.messageId));
    const before = await countInbound();
    const again = await curlPost(message.file, as2Headers(message.messageId));
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    expect(await countInbound()).toBe(before);
  });

  it('refuses an unknown AS2-From/AS2-To pair without reading the message', async () => {
    const message = opensslMessage(po('PO-AS2-WHO', 2003));
    const before = await countInbound();
    const answer = await curlPost(
      message.file,
      as2Headers(message.messageId, { 'AS2-From': 'SOMEONE-ELSE' }),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.toString()).toContain('SOMEONE-ELSE');
    expect(await countInbound()).toBe(before);
  });

  it.each([
    ['decryption-failed', { recipient: 'stranger' }],
    ['authentication-failed', { signer: 'stranger' }],
    ['integrity-check-failed', { tamper: true }],
    ['authentication-failed', { signer: 'partner-expired' }],
  ] as const)(
    'answers a signed negative MDN with %s, and keeps the message as rejected',
    async (error, options) => {
      const message = opensslMessage(po('PO-AS2-BAD', 2004), options);
      const answer = await curlPost(message.file, as2Headers(message.messageId));
      expect(answer.status).toBe(200);
      const report = opensslVerifiedMdn(answer);
      expect(report).toContain(
        `Disposition: automatic-action/MDN-sent-automatically; processed/error: ${error}`,
      );
      const kept = (await h.repositories.transmissions.list({ direction: 'inbound' })).find(
        (t) => t.sourceRef === message.messageId,
      );
      expect(kept?.status).toBe('rejected');
      if ('signer' in options && options.signer === 'partner-expired') {
        const detail = await h.repositories.transmissions.get(kept?.id ?? '');
        expect(detail?.lastError).toContain('expired on 2021-01-01');
      }
    },
  );

  it('takes a message encrypted to our previous certificate and one signed by their next certificate', async () => {
    const toOld = opensslMessage(po('PO-AS2-OLDKEY', 2005), { recipient: 'gateway-old' });
    expect(opensslVerifiedMdn(await curlPost(toOld.file, as2Headers(toOld.messageId)))).toMatch(
      /processed\r?\n/,
    );
    const byNew = opensslMessage(po('PO-AS2-NEWCERT', 2006), { signer: 'partner-new', cipher: '-aes128' });
    expect(opensslVerifiedMdn(await curlPost(byNew.file, as2Headers(byNew.messageId)))).toMatch(
      /processed\r?\n/,
    );
  });

  it('answers unexpected-processing-error when the store cannot take the payload, and takes the resend', async () => {
    const message = opensslMessage(po('PO-AS2-DOWN', 2007));
    const table = `"${h.schema}"."transmission"`;
    await h.store.orm.em.getConnection().execute(`alter table ${table} rename to "transmission_away"`);
    let answer;
    try {
      answer = await curlPost(message.file, as2Headers(message.messageId));
    } finally {
      await h.store.orm.em
        .getConnection()
        .execute(`alter table "${h.schema}"."transmission_away" rename to "transmission"`);
    }
    expect(opensslVerifiedMdn(answer)).toContain('processed/error: unexpected-processing-error');
    const resent = await curlPost(message.file, as2Headers(message.messageId));
    expect(opensslVerifiedMdn(resent)).toMatch(/processed\r?\n/);
  });

  it('posts an async MDN to the Receipt-Delivery-Option URL', async () => {
    const received: Buffer[] = [];
    const { createServer } = await import('node:http');
    const sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(
          Buffer.concat([Buffer.from(`Content-Type: ${req.headers['content-type']}\r\n\r\n`), ...chunks]),
        );
        res.end();
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/mdn`;
    const message = opensslMessage(po('PO-AS2-ASYNC', 2008));
    const answer = await curlPost(
      message.file,
      as2Headers(message.messageId, { 'Receipt-Delivery-Option': url }),
    );
    expect(answer.status).toBe(200);
    await waitFor(() => received.length > 0, 10_000);
    sink.close();
    writeFileSync(ws.path('async-mdn.eml'), received[0] ?? Buffer.alloc(0));
    const report = ws
      .openssl('cms', '-verify', '-in', 'async-mdn.eml', '-CAfile', 'gateway.crt', '-purpose', 'any')
      .toString();
    expect(report).toContain(`Received-Content-MIC: ${message.mic}`);
  });
});

describe('sending over AS2', () => {
  const asyncPartner = (): X12PartnerConfig => {
    const config = services.partners.get(h.partner.id) as X12PartnerConfig;
    return {
      ...config,
      transport: { ...(config.transport as object), mdn: 'async', asyncMdnUrl: `${base}/as2/mdn` },
    } as X12PartnerConfig;
  };
  const outbound = (name: string) =>
    h.repositories.transmissions.recordOutbound(Buffer.from(po(name, 3000 + ++sequence)), {
      channel: 'as2',
      sourceRef: `${name}.x12`,
      partnerId: h.partner.id,
    });

  it('fails a delivery whose MDN returns another MIC, or a negative disposition, with the reason', async () => {
    const settings = as2TransportSettings(h.partner, h.partner.transport as never);
    const sender = createAs2Transport(settings, h.repositories.as2Messages);
    partner.behave({ mdn: 'wrong-mic' });
    await expect(sender.deliver('wrong-mic.x12', Buffer.from('ISA*...~'))).rejects.toThrow(/MIC/);
    partner.behave({ mdn: 'negative' });
    await expect(sender.deliver('negative.x12', Buffer.from('ISA*...~'))).rejects.toThrow(
      /processed\/error: decryption-failed/,
    );
    partner.behave({});
  });

  it('retries after a 503 under the same Message-ID, then is sent when the async MDN comes', async () => {
    const config = asyncPartner();
    const sender = createAs2Transport(
      as2TransportSettings(config, config.transport as never),
      h.repositories.as2Messages,
    );
    const transmissionId = await outbound('ASYNC-RETRY');
    partner.behave({ failFirst: 1, async: true });
    const postsBefore = partner.posts.length;
    await expect(
      sender.deliver('ASYNC-RETRY.x12', Buffer.from('ISA*A~'), { transmissionId }),
    ).rejects.toThrow(/503/);
    const receipt = await sender.deliver('ASYNC-RETRY.x12', Buffer.from('ISA*A~'), { transmissionId });
    expect(receipt.awaiting).toMatch(/MDN/);
    // Only this sender's posts: its Message-IDs end with the async MDN URL's host.
    const [first, second] = partner.posts.slice(postsBefore).filter((id) => id.endsWith('@127.0.0.1>'));
    expect(second).toBe(first);
    await waitFor(
      async () => (await h.repositories.transmissions.summary(transmissionId))?.status === 'sent',
      10_000,
    );
    // Never posted again once the MDN said processed.
    await sender.deliver('ASYNC-RETRY.x12', Buffer.from('ISA*A~'), { transmissionId });
    expect(partner.posts.slice(postsBefore).filter((id) => id.endsWith('@127.0.0.1>'))).toHaveLength(2);
    partner.behave({});
  });

  it('raises an mdn-overdue exception for an async MDN that never comes', async () => {
    const config = asyncPartner();
    const sender = createAs2Transport(
      as2TransportSettings(config, config.transport as never),
      h.repositories.as2Messages,
    );
    const transmissionId = await outbound('ASYNC-SILENT');
    partner.behave({ async: true, withholdMdn: true });
    await sender.deliver('ASYNC-SILENT.x12', Buffer.from('ISA*S~'), { transmissionId });
    partner.behave({});
    expect(await flagOverdueMdns(new Date(Date.now() + 2 * 3600_000), h)).toBeGreaterThanOrEqual(1);
    const open = await h.repositories.exceptions.list({ status: 'open', subjectId: transmissionId });
    expect(open.map((e) => e.kind)).toEqual(['mdn-overdue']);
  });
});
