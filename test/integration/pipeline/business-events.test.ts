import { afterEach, describe, expect, it } from 'vitest';
import { documentId } from '../../../src/canonical/index.js';
import { readX12 } from '../../../src/x12/index.js';
import { PARTNER_ID } from './pipeline-harness.js';
import {
  canonicalEvent,
  startReconciliationHarness,
  type ReconciliationHarness,
} from './reconciliation-fixture.js';

describe('ERP/WMS events over HTTP', () => {
  let harness: ReconciliationHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('sends one valid 856 for a shipment posted twice, and waits for its 997', async () => {
    const h = (harness = await startReconciliationHarness());
    const event = canonicalEvent('ship-notice');
    const first = await h.postEvent('shipment-confirmed', event);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      documentId: documentId('ship_notice', PARTNER_ID, ['SH-77']),
      duplicate: false,
    });
    const x12 = await h.delivered(first.body['transmissionId'] as string);

    const read = readX12(x12);
    expect(read.interchanges[0]?.diagnostics).toEqual([]);
    const [set] = read.transactionSets;
    expect(set?.diagnostics).toEqual([]);
    const bsn = set?.segments.find((s) => s.id === 'BSN');
    expect([bsn?.value(1), bsn?.value(2), bsn?.value(3)]).toEqual(['00', 'SH-77', '20240305']);
    const levels = set?.segments.filter((s) => s.id === 'HL').map((s) => s.value(3));
    expect(levels).toEqual(['S', 'O', 'T', 'P', 'I', 'I', 'P', 'I', 'P', 'I']);

    const group = read.interchanges[0]?.groups[0];
    const [expected] = await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID });
    expect(expected).toMatchObject({
      outboundTransmissionId: first.body['transmissionId'],
      functionalId: 'SH',
      groupControlNumber: group?.controlNumber,
      transactionSets: [{ setId: '856', controlNumber: set?.controlNumber }],
      status: 'pending',
    });
    expect(expected!.dueAt.getTime() - expected!.sentAt.getTime()).toBe(24 * 3600 * 1000);

    const again = await h.postEvent('shipment-confirmed', event);
    expect(again).toMatchObject({
      status: 202,
      body: {
        documentId: first.body['documentId'],
        transmissionId: first.body['transmissionId'],
        duplicate: true,
      },
    });
    expect((await h.outboxFiles()).filter((f) => f.content.includes('ST*856*'))).toHaveLength(1);
    expect(await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID })).toHaveLength(1);
    // Each posting is kept as it came, and each says what became of it.
    for (const id of [first.body['eventTransmissionId'], again.body['eventTransmissionId']] as string[]) {
      const stored = await h.repositories.transmissions.get(id);
      expect(stored).toMatchObject({
        direction: 'inbound',
        channel: 'http',
        status: 'processed',
        partnerId: PARTNER_ID,
      });
      expect(JSON.parse(stored!.payload!.toString('utf8'))).toEqual(event);
    }
  });

  it('sends an 810 for an issued invoice and opens it in the ledger', async () => {
    const h = (harness = await startReconciliationHarness());
    const posted = await h.postEvent(
      'invoice-issued',
      canonicalEvent('invoice', { invoiceNumber: 'INV-810' }),
    );
    expect(posted.status).toBe(202);
    const x12 = await h.delivered(posted.body['transmissionId'] as string);
    const [set] = readX12(x12).transactionSets;
    expect(set?.diagnostics).toEqual([]);
    expect(set?.segments.find((s) => s.id === 'BIG')?.value(2)).toBe('INV-810');
    expect(set?.segments.find((s) => s.id === 'TDS')?.value(1)).toBe('17060');
    expect(await h.repositories.invoices.get(PARTNER_ID, 'INV-810')).toMatchObject({
      invoiceDocumentId: documentId('invoice', PARTNER_ID, ['INV-810']),
      amountDue: '170.60',
      status: 'open',
      currency: 'USD',
    });
    expect(await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID })).toMatchObject([
      { functionalId: 'IN', status: 'pending' },
    ]);
  });

  it('refuses what cannot be sent, keeping the body and saying why', async () => {
    const h = (harness = await startReconciliationHarness());
    const invalid = await h.postEvent(
      'shipment-confirmed',
      canonicalEvent('ship-notice', { shipmentDate: 'tomorrow', orders: 'none' }),
    );
    expect(invalid.status).toBe(400);
    const problems = (invalid.body['error'] as { problems: { path: string; message: string }[] }).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['/shipmentDate', '/orders']));
    expect(problems.every((p) => p.message.length > 0)).toBe(true);

    const garbled = await h.postEvent('invoice-issued', '{"partnerId": "acme-retail",');
    expect(garbled.status).toBe(400);
    const kept = await h.repositories.transmissions.get(garbled.body['eventTransmissionId'] as string);
    expect(kept?.payload?.toString('utf8')).toBe('{"partnerId": "acme-retail",');
    expect(kept).toMatchObject({ status: 'rejected', channel: 'http' });
    expect(kept?.lastError).toMatch(/not JSON/);

    const stranger = await h.postEvent('invoice-issued', canonicalEvent('invoice', { partnerId: 'nobody' }));
    expect(stranger).toMatchObject({ status: 422, body: { error: { code: 'partner-unknown' } } });

    const changed = canonicalEvent('invoice', { invoiceNumber: 'INV-9' });
    expect((await h.postEvent('invoice-issued', changed)).status).toBe(202);
    const conflict = await h.postEvent('invoice-issued', { ...changed, totals: { amount: '1.00' } });
    expect(conflict).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(await h.repositories.invoices.get(PARTNER_ID, 'INV-9')).toMatchObject({ amountDue: '170.60' });
  });
});
