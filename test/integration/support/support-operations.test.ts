import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bulkResend,
  openQueues,
  orderTimeline,
  recheckHeldOrders,
  requeueStrandedOutbound,
  resendTransmission,
  waitForOutcomes,
} from '../../../src/pipeline/index.js';
import { interchange850 } from '../orders/order-850.js';
import { PARTNER_ID, REDIS_URL, startHarness, waitFor, type Harness } from '../pipeline/pipeline-harness.js';
import { ORDER_OPTIONS } from './support-harness.js';
import { removeQueueKeys } from '../gateway/gateway-process.js';

const HOOK_TIMEOUT = 60_000;

// The outbox is a file: every delivery fails for good, as with a partner whose server refuses us.
describe('support operations on failed deliveries and held orders', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ...ORDER_OPTIONS, brokenOutbox: 'file' });
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await h?.dispose();
  }, HOOK_TIMEOUT);

  const deps = () => ({ repositories: h.repositories, partners: h.partners, queues: h.pipeline.queues });
  const failed855 = () =>
    waitFor('the 855 to fail', async () => {
      const found = await h.repositories.transmissions.list({ documentType: '855', status: 'failed' });
      return found.length > 0 ? found : undefined;
    });

  it('shows a failed 855 as not delivered in the order timeline, and the audit does not claim it sent', async () => {
    await h.drop(
      'po-timeline.edi',
      interchange850(701, {
        poNumber: 'PO-TIMELINE',
        lines: [{ quantity: '3', price: '10.00', vendorPart: 'WID-1' }],
      }),
    );
    const [ack] = await failed855();
    const [order] = await h.repositories.orders.list({ poNumber: 'PO-TIMELINE' });
    const events = await orderTimeline(order!.id, 'alice', deps());
    expect(events.map((e) => e.kind)).toEqual(['received', 'acknowledged', 'not-delivered']);
    expect(events[2]).toMatchObject({ transmissionId: ack!.id, documentType: '855' });
    expect(events[2]?.detail).toContain(ack!.lastError ?? 'missing last error');
    const audit = await h.repositories.audit.list({ type: 'order', id: order!.id });
    const acknowledged = audit.find((e) => e.action === 'order-acknowledged');
    expect(acknowledged?.details).not.toHaveProperty('sent');
    expect(acknowledged?.details).toMatchObject({ delivery: 'queued' });
  });

  it('bulk resend: a dry run lists and changes nothing; a real run resends each, audited, and wait sums up', async () => {
    const [ack] = await failed855();
    const filter = { status: 'failed' as const, partnerId: PARTNER_ID, documentType: '855' };
    const preview = await bulkResend(filter, { dryRun: true }, 'alice', deps());
    expect(preview).toMatchObject({ dryRun: true, count: 1, ids: [ack!.id], outcomes: [] });
    expect((await h.repositories.transmissions.summary(ack!.id))?.status).toBe('failed');

    const progress: string[] = [];
    const run = await bulkResend(
      filter,
      { onProgress: (d, t) => progress.push(`${d}/${t}`) },
      'alice',
      deps(),
    );
    expect(run.outcomes.map((o) => [o.id, o.ok])).toEqual([[ack!.id, true]]);
    expect(run.outcomes[0]?.jobId).toMatch(/^resend-/);
    expect(run.warnings).toEqual([]);
    expect(progress).toEqual(['1/1']);
    const bulkAudit = await h.repositories.audit.list({
      type: 'transmissions',
      id: 'status=failed&partner=acme-retail&documentType=855&direction=outbound',
    });
    expect(bulkAudit.map((e) => e.action)).toEqual([
      'transmissions-bulk-resend-previewed',
      'transmissions-bulk-resend',
    ]);
    const own = await h.repositories.audit.list({ type: 'transmission', id: ack!.id });
    expect(own.map((e) => e.action)).toContain('transmission-resent');

    const summary = await waitForOutcomes([ack!.id], { timeoutMs: 20_000, pollMs: 50 }, deps());
    expect(summary).toEqual({ delivered: 0, failed: 1, pending: 0, byId: { [ack!.id]: 'failed' } });
    const unknown = await waitForOutcomes(
      ['00000000-0000-4000-8000-000000000000'],
      { timeoutMs: 10 },
      deps(),
    );
    expect(unknown.pending).toBe(1);
  });

  it('sweeps an outbound transmission left processed with no job: a dry run queues nothing, then it is queued once', async () => {
    const id = await h.repositories.transmissions.recordOutbound(Buffer.from('ISA*stranded~'), {
      partnerId: PARTNER_ID,
      channel: 'folder',
      sourceRef: 'stranded.x12',
      createdAt: new Date(Date.now() - 20 * 60_000),
    });
    const fresh = await h.repositories.transmissions.recordOutbound(Buffer.from('ISA*fresh~'), {
      partnerId: PARTNER_ID,
      channel: 'folder',
      sourceRef: 'fresh.x12',
    });
    const options = { olderThanMs: 10 * 60_000, now: new Date() };
    const preview = await requeueStrandedOutbound(deps(), { ...options, dryRun: true });
    expect(preview.map((d) => d.transmissionId)).toEqual([id]);
    expect(await h.pipeline.queues.outbound.getJob(`sweep-${id}-1`)).toBeUndefined();

    const queued = await requeueStrandedOutbound(deps(), options);
    expect(queued).toEqual([expect.objectContaining({ transmissionId: id, jobId: `sweep-${id}-1` })]);
    expect(queued.map((d) => d.transmissionId)).not.toContain(fresh);
    expect(await h.pipeline.queues.outbound.getJob(`sweep-${id}-1`)).toBeDefined();
    const audit = await h.repositories.audit.list({ type: 'transmission', id });
    expect(audit.map((e) => [e.actor, e.action])).toEqual([['system', 'transmission-requeued']]);
    // Its job ran (and failed on the broken outbox): not queued again; the fresh one, never queued, is.
    await waitFor('the swept delivery to fail', async () =>
      (await h.repositories.transmissions.summary(id))?.status === 'failed' ? true : undefined,
    );
    const later = await requeueStrandedOutbound(deps(), { olderThanMs: 0, now: new Date(), dryRun: true });
    expect(later.map((d) => d.transmissionId)).toEqual([fresh]);
  });

  it('warns when a resend goes to a queue prefix no worker listens on', async () => {
    const [ack] = await failed855();
    await waitFor('the 855 to be failed again', async () =>
      (await h.repositories.transmissions.summary(ack!.id))?.status === 'failed' ? true : undefined,
    );
    const prefix = `{edi-test-idle-${randomBytes(4).toString('hex')}}`;
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const idle = openQueues(connection, prefix);
    try {
      const result = await resendTransmission(ack!.id, 'alice', { ...deps(), queues: idle });
      expect(result.warnings).toEqual([
        `no worker is listening on queue prefix "${prefix}" (outbound queue); the job waits until one starts`,
      ]);
    } finally {
      await idle.close();
      await connection.quit();
      // Every key of the idle prefix, the other queues' metadata included.
      await removeQueueKeys(prefix);
    }
  });

  it('rechecks held orders after a master-data load: released ones are answered, the rest stay held', async () => {
    await h.drop(
      'po-held.edi',
      interchange850(702, {
        poNumber: 'PO-HELD',
        lines: [{ quantity: '4', price: '7.00', vendorPart: 'NEW-1' }],
      }),
    );
    await h.drop(
      'po-still.edi',
      interchange850(703, {
        poNumber: 'PO-STILL',
        lines: [{ quantity: '1', price: '1.00', vendorPart: 'NONE-1' }],
      }),
    );
    const held = async (po: string) =>
      waitFor(`PO ${po} to be held`, async () => {
        const [order] = await h.repositories.orders.list({ poNumber: po });
        return order?.status === 'on_hold' ? order : undefined;
      });
    const order = await held('PO-HELD');
    await held('PO-STILL');
    await waitFor('the hold exception', async () => {
      const open = await h.repositories.exceptions.list({
        subjectType: 'order',
        subjectId: order.id,
        status: 'open',
      });
      return open.length > 0 ? open : undefined;
    });
    await h.repositories.catalog.upsertItems([
      {
        itemId: 'NEW',
        status: 'active',
        units: [{ uom: 'EA' }],
        crossReference: { vendorPartNumber: ['NEW-1'] },
      },
    ]);
    await h.repositories.priceLists.upsertEntries('acme-2025', [
      { itemId: 'NEW', uom: 'EA', unitPrice: '7.00' },
    ]);
    await h.repositories.inventory.upsertLevels([
      { itemId: 'NEW', locationId: 'DC-EAST', kind: 'dc', onHand: '10' },
    ]);

    const result = await recheckHeldOrders({ partnerId: PARTNER_ID }, 'alice', {
      ...deps(),
      now: ORDER_OPTIONS.now!,
    });
    expect(result.failed).toEqual([]);
    expect(result.released.map((r) => [r.poNumber, r.decision, r.status])).toEqual([
      ['PO-HELD', 'accept', 'acknowledged'],
    ]);
    expect(result.stillHeld.map((r) => [r.poNumber, r.openFindings.map((f) => f.ruleId)])).toEqual([
      ['PO-STILL', ['unknown-sku']],
    ]);
    const open = await h.repositories.exceptions.list({
      subjectType: 'order',
      subjectId: order.id,
      status: 'open',
    });
    expect(open).toEqual([]);
    const audit = await h.repositories.audit.list({ type: 'order', id: order.id });
    expect(audit.map((e) => [e.actor, e.action])).toContainEqual(['alice', 'order-rechecked']);
    expect(audit.map((e) => e.action)).toContain('order-acknowledged');
  });
});
