import { afterEach, describe, expect, it } from 'vitest';
import { flagOverdueAcknowledgements, processDocument } from '../../../src/pipeline/index.js';
import { readX12 } from '../../../src/x12/index.js';
import { PARTNER_ID, waitFor } from './pipeline-harness.js';
import {
  canonicalEvent,
  startReconciliationHarness,
  type ReconciliationHarness,
} from './reconciliation-fixture.js';
import { functionalAck997, remittance820 } from './sample-replies.js';

const HOUR = 3600 * 1000;

/** Posts a shipment and answers the outbound transmission with the GS06 and ST02 it was sent under. */
async function shipAndRead(h: ReconciliationHarness, shipmentId: string) {
  const posted = await h.postEvent('shipment-confirmed', canonicalEvent('ship-notice', { shipmentId }));
  expect(posted.status).toBe(202);
  const transmissionId = posted.body['transmissionId'] as string;
  const read = readX12(await h.delivered(transmissionId));
  const group = read.interchanges[0]!.groups[0]!;
  return {
    transmissionId,
    groupControlNumber: group.controlNumber,
    setControlNumber: group.transactionSets[0]!.controlNumber,
  };
}

async function documentsOf(h: ReconciliationHarness, inboundId: string): Promise<string[]> {
  const read = await waitFor('the file to be read', async () => {
    const t = await h.repositories.transmissions.get(inboundId);
    return t?.status === 'processed' || t?.status === 'rejected' ? t : undefined;
  });
  expect(read.status).toBe('processed');
  const rows = (await h.store.orm.em
    .getConnection()
    .execute(
      `select id from "${h.schema}"."canonical_document" where document->'source'->>'transmissionId' = ?`,
      [inboundId],
    )) as { id: string }[];
  return rows.map((r) => r.id);
}

describe('reconciliation of what partners answer', () => {
  let harness: ReconciliationHarness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('matches 997s to the groups we sent: accepted, rejected with reasons, and unknown', async () => {
    const h = (harness = await startReconciliationHarness());
    const accepted = await shipAndRead(h, 'SH-1');
    const rejected = await shipAndRead(h, 'SH-2');

    await h.drop(
      '997-a.edi',
      functionalAck997(501, { functionalId: 'SH', ...accepted, setId: '856', code: 'A' }),
    );
    const acknowledged = await waitFor('the 856 to be acknowledged', async () => {
      const t = await h.repositories.transmissions.get(accepted.transmissionId);
      return t?.status === 'acknowledged' ? t : undefined;
    });
    expect(acknowledged.history.at(-1)?.message).toMatch(/accepted by 997 \(AK9 A\)/);
    const key = {
      outboundTransmissionId: accepted.transmissionId,
      groupControlNumber: accepted.groupControlNumber,
    };
    const answered = await h.repositories.expectedAcks.get(key);
    expect(answered).toMatchObject({
      status: 'accepted',
      groupStatusCode: 'A',
      setOutcomes: [
        { setId: '856', controlNumber: accepted.setControlNumber, statusCode: 'A', reported: true },
      ],
    });

    const [rejectedAck] = await h.drop(
      '997-r.edi',
      functionalAck997(502, { functionalId: 'SH', ...rejected, setId: '856', code: 'R' }),
    );
    const exception = await waitFor('the rejection to be raised', async () => {
      const [raised] = await h.repositories.exceptions.list({
        subjectId: rejected.transmissionId,
        kind: 'ack-rejected',
      });
      return raised;
    });
    expect(exception.message).toContain(`acme-retail rejected SH group ${rejected.groupControlNumber}`);
    expect(exception.message).toContain('AK5 R, 5 (one or more segments in error)');
    expect(exception.message).toContain('element 3 8 (invalid date) (value "20261341")');
    expect(
      await h.repositories.expectedAcks.get({
        outboundTransmissionId: rejected.transmissionId,
        groupControlNumber: rejected.groupControlNumber,
      }),
    ).toMatchObject({ status: 'rejected', groupStatusCode: 'R' });
    expect((await h.repositories.transmissions.get(rejected.transmissionId))?.status).toBe('sent');

    const [strayAck] = await h.drop(
      '997-x.edi',
      functionalAck997(503, {
        functionalId: 'SH',
        groupControlNumber: '4242',
        setId: '856',
        setControlNumber: '0001',
        code: 'A',
      }),
    );
    const [strayDocument] = await documentsOf(h, strayAck!);
    const unmatched = await waitFor('the unmatched 997 to be raised', async () => {
      const [raised] = await h.repositories.exceptions.list({ kind: 'ack-unmatched' });
      return raised;
    });
    expect(unmatched).toMatchObject({
      subjectType: 'document',
      subjectId: strayDocument,
      partnerId: PARTNER_ID,
    });
    expect(unmatched.message).toBe(
      '997 from acme-retail acknowledges SH group 4242 (AK1), which we never sent them',
    );

    // Running the 997 jobs again changes nothing and raises nothing new.
    const before = await h.repositories.exceptions.list();
    for (const document of await documentsOf(h, rejectedAck!)) await processDocument(document, h.deps);
    await processDocument(strayDocument!, h.deps);
    expect(await h.repositories.exceptions.list()).toEqual(before);
  });

  it('flags an acknowledgement past due once, and closes the flag when the 997 comes late', async () => {
    const h = (harness = await startReconciliationHarness());
    const sent = await shipAndRead(h, 'SH-LATE');
    const [expected] = await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID });
    const deps = { repositories: h.repositories };

    expect(await flagOverdueAcknowledgements(new Date(expected!.dueAt.getTime() - 1), deps)).toBe(0);
    const now = new Date(expected!.sentAt.getTime() + 25 * HOUR);
    expect(await flagOverdueAcknowledgements(now, deps)).toBe(1);
    expect(await flagOverdueAcknowledgements(now, deps)).toBe(0);
    const flags = await h.repositories.exceptions.list({ kind: 'ack-overdue' });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      subjectType: 'transmission',
      subjectId: sent.transmissionId,
      status: 'open',
    });
    expect(flags[0]?.message).toBe(
      `acme-retail has not acknowledged SH group ${sent.groupControlNumber} (GS06; 856 ${sent.setControlNumber}) sent ${expected!.sentAt.toISOString()}, due by ${expected!.dueAt.toISOString()}`,
    );
    expect((await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID }))[0]?.status).toBe('overdue');

    await h.drop(
      '997-late.edi',
      functionalAck997(601, { functionalId: 'SH', ...sent, setId: '856', code: 'A' }),
    );
    const closed = await waitFor('the overdue flag to be closed', async () => {
      const flag = await h.repositories.exceptions.get(flags[0]!.id);
      return flag?.status === 'resolved' ? flag : undefined;
    });
    expect(closed.resolvedBy).toBe('reconciliation');
    expect((await h.repositories.expectedAcks.list({ partnerId: PARTNER_ID }))[0]?.status).toBe('accepted');
  });

  it('applies an 820 to the invoices it pays, raising short and unmatched payments once', async () => {
    const h = (harness = await startReconciliationHarness());
    for (const invoiceNumber of ['INV-A', 'INV-B']) {
      const posted = await h.postEvent('invoice-issued', canonicalEvent('invoice', { invoiceNumber }));
      expect(posted.status).toBe(202);
    }
    const [inbound] = await h.drop(
      '820.edi',
      remittance820(701, 'CHK-4410', '370.60', [
        { invoiceNumber: 'INV-A', paid: '170.60', invoiceAmount: '170.60' },
        {
          invoiceNumber: 'INV-B',
          paid: '150.00',
          invoiceAmount: '170.60',
          adjustments: [{ amount: '-20.60', reasonCode: '59' }],
        },
        { invoiceNumber: 'INV-NONE', paid: '50.00' },
      ]),
    );
    const [remittance] = await documentsOf(h, inbound!);
    const unmatched = await waitFor('the unmatched payment to be raised', async () => {
      const [raised] = await h.repositories.exceptions.list({ kind: 'unmatched-payment' });
      return raised;
    });
    expect(unmatched).toMatchObject({ subjectType: 'remittance', subjectId: remittance });
    expect(unmatched.message).toContain(
      'IV INV-NONE: no invoice INV-NONE was sent to acme-retail (paid 50.00)',
    );

    expect(await h.repositories.invoices.get(PARTNER_ID, 'INV-A')).toMatchObject({
      amountPaid: '170.60',
      status: 'paid',
      lastPaymentReference: 'CHK-4410',
    });
    const short = await h.repositories.invoices.get(PARTNER_ID, 'INV-B');
    expect(short).toMatchObject({ amountPaid: '150.00', status: 'short_paid' });
    const [shortPayment] = await h.repositories.exceptions.list({ kind: 'short-payment' });
    expect(shortPayment).toMatchObject({
      subjectType: 'invoice',
      subjectId: short?.invoiceDocumentId,
      partnerId: PARTNER_ID,
    });
    expect(shortPayment?.message).toBe(
      'invoice INV-B (acme-retail): paid 150.00 of 170.60, 20.60 short; adjustments 59 -20.60 account for 20.60 (remittance CHK-4410)',
    );
    expect(shortPayment?.details).toMatchObject({
      amountDue: '170.60',
      amountPaid: '150.00',
      difference: '20.60',
      adjustmentReasonCodes: ['59'],
    });

    // The job run again: nothing applied twice, nothing raised twice.
    const exceptionsBefore = await h.repositories.exceptions.list();
    await processDocument(remittance!, h.deps);
    expect(await h.repositories.invoices.applications(PARTNER_ID, 'INV-B')).toHaveLength(1);
    expect(await h.repositories.invoices.get(PARTNER_ID, 'INV-B')).toMatchObject({ amountPaid: '150.00' });
    expect(await h.repositories.exceptions.list()).toEqual(exceptionsBefore);

    // The rest arrives in a second 820: paid, and the short payment is settled.
    await h.drop(
      '820-rest.edi',
      remittance820(702, 'CHK-4411', '20.60', [{ invoiceNumber: 'INV-B', paid: '20.60' }]),
    );
    await waitFor('the invoice to be paid in full', async () =>
      (await h.repositories.invoices.get(PARTNER_ID, 'INV-B'))?.status === 'paid' ? true : undefined,
    );
    expect(await h.repositories.invoices.get(PARTNER_ID, 'INV-B')).toMatchObject({ amountPaid: '170.60' });
    const settled = await waitFor('the short payment to be settled', async () => {
      const e = await h.repositories.exceptions.get(shortPayment!.id);
      return e?.status === 'resolved' ? e : undefined;
    });
    expect(settled.resolution).toMatchObject({ note: 'paid in full by remittance CHK-4411' });
  });
});
