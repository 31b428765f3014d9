import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../src/api/index.js';
import type { CanonicalDocument } from '../../../src/canonical/index.js';
import { translateX12 } from '../../../src/mapping/index.js';
import { emitDocument } from '../../../src/pipeline/index.js';
import { TransmissionSchema, type Repositories } from '../../../src/store/index.js';
import { servicesOver } from '../api/intake-fixture.js';
import { BUSINESS, SEED, TODAY } from '../orders/order-fixture.js';
import { interchange850 } from '../orders/order-850.js';
import { startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { opensslWorkspace } from './openssl-partner.js';

/**
 * Two gateways on loopback, each the other's AS2 partner: the buyer's gateway sends an 850, and
 * the seller's gateway answers a 997 and an 855, every file signed, encrypted and acknowledged
 * by a signed MDN, with nothing between them but HTTP.
 */
const ws = opensslWorkspace('as2-g2g-');
ws.party('buyer', 365);
ws.party('seller', 365);

const BUYER_AS2 = 'BUYER-GATEWAY';
const SELLER_AS2 = 'SELLER-GATEWAY';
const BUYER_ISA = { isaQualifier: 'ZZ', isaId: 'ACMERETAIL', gsId: 'ACMERETAIL' };
const SELLER_ISA = { isaQualifier: 'ZZ', isaId: 'OURGATEWAY', gsId: 'OURGATEWAY' };

let buyer: Harness;
let seller: Harness;
const servers: Server[] = [];

/** A loopback port free now, for a gateway whose partner must know its URL before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const as2 = (ours: string, ourId: string, theirs: string, theirId: string, port: number, mdn: string) => ({
  type: 'as2',
  ourId,
  theirId,
  url: `http://127.0.0.1:${port}/as2`,
  ourCertificate: { file: ws.path(`${ours}.crt`) },
  ourKey: { file: ws.path(`${ours}.key`) },
  theirCertificate: { file: ws.path(`${theirs}.crt`) },
  signing: 'sha256',
  encryption: 'aes256-gcm',
  mdn,
});

beforeAll(async () => {
  const [buyerPort, sellerPort] = [await freePort(), await freePort()];
  // The buyer asks for MDNs in the response; the seller asks for them to be posted back later.
  buyer = await startHarness({
    identity: { theirs: SELLER_ISA, ours: BUYER_ISA },
    inbound: ['997', '855'],
    outbound: ['850'],
    transport: as2('buyer', BUYER_AS2, 'seller', SELLER_AS2, sellerPort, 'sync'),
  });
  seller = await startHarness({
    identity: { theirs: BUYER_ISA, ours: SELLER_ISA },
    inbound: ['850', '997'],
    outbound: ['855'],
    business: BUSINESS,
    seed: SEED,
    now: () => TODAY,
    transport: {
      ...as2('seller', SELLER_AS2, 'buyer', BUYER_AS2, buyerPort, 'async'),
      asyncMdnUrl: `http://127.0.0.1:${sellerPort}/as2/mdn`,
    },
  });
  for (const [h, port] of [
    [buyer, buyerPort],
    [seller, sellerPort],
  ] as const) {
    const services = servicesOver(h);
    servers.push(await startServer({ PORT: port }, '127.0.0.1', { partners: services.partners, services }));
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await buyer?.dispose();
  await seller?.dispose();
  ws.dispose();
});

const transmissions = (h: Harness, direction: 'inbound' | 'outbound') =>
  h.store.orm.em.fork().find(TransmissionSchema, { direction }, { orderBy: { receivedAt: 'asc' } });

/** Waits until `check` holds, or fails naming `what`. */
const until = (what: string, check: () => Promise<boolean>, timeoutMs: number) =>
  waitFor(what, async () => ((await check()) ? true : undefined), timeoutMs);

async function payloadOf(repositories: Repositories, id: string): Promise<string> {
  const stored = await repositories.transmissions.read(id);
  return Buffer.from(stored?.payload ?? []).toString('latin1');
}

describe('two gateways as AS2 partners of each other', () => {
  it('an 850 goes one way, and a 997 and an 855 come back, each settled by a signed MDN', async () => {
    // The buyer's purchase order, as its own gateway holds it, sent as the buyer's 850.
    const read = translateX12(
      interchange850(7001, {
        poNumber: 'PO-G2G-1',
        lines: [{ quantity: '2', price: '10.00', vendorPart: 'WID-1' }],
      }),
      { partner: seller.partner },
    );
    const order = read.documents[0] as CanonicalDocument;
    expect(order.type).toBe('purchase_order');
    const { transmissionId } = await emitDocument(
      { ...order, id: 'buyer-po-g2g-1', partnerId: buyer.partner.id },
      servicesOver(buyer),
    );

    // The seller stored it from AS2 and made an order of it.
    await until(
      'the 850 at the seller',
      async () => (await transmissions(seller, 'inbound')).length >= 1,
      30_000,
    );
    const [received] = await transmissions(seller, 'inbound');
    expect(received).toMatchObject({ channel: 'as2', partnerId: seller.partner.id });
    expect(received?.sourceRef).toMatch(/^<.+@.+>$/);
    expect(await payloadOf(seller.repositories, received?.id ?? '')).toContain('BEG*00*SA*PO-G2G-1');

    // The buyer's 850 counts as sent: the seller's sync MDN was signed, positive and carried the MIC.
    await until(
      'the 850 sent',
      async () => (await buyer.repositories.transmissions.get(transmissionId))?.status === 'sent',
      30_000,
    );

    // The 997 and the 855 reach the buyer over AS2, and the seller's copies are settled by the
    // buyer's async MDNs.
    await until(
      'the 997 and 855 at the buyer',
      async () => (await transmissions(buyer, 'inbound')).length >= 2,
      60_000,
    );
    const back = await transmissions(buyer, 'inbound');
    expect(back.every((t) => t.channel === 'as2' && t.status !== 'rejected')).toBe(true);
    const payloads = await Promise.all(back.map((t) => payloadOf(buyer.repositories, t.id)));
    expect(payloads.some((p) => /ST\*997\*/.test(p) && p.includes('AK1*PO*'))).toBe(true);
    expect(payloads.some((p) => /ST\*855\*/.test(p) && p.includes('PO-G2G-1'))).toBe(true);
    await until(
      'the 997 and 855 settled',
      async () => {
        const sent = await transmissions(seller, 'outbound');
        return sent.length >= 2 && sent.every((t) => t.status === 'sent');
      },
      60_000,
    );
    const answered = await transmissions(seller, 'outbound');
    const sentPayloads = await Promise.all(answered.map((t) => payloadOf(seller.repositories, t.id)));
    expect(sentPayloads.filter((p) => /ST\*997\*/.test(p))).toHaveLength(1);
    expect(sentPayloads.filter((p) => /ST\*855\*/.test(p))).toHaveLength(1);
  }, 120_000);
});
