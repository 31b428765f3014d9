import { mkdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { resendTransmission } from '../../../src/pipeline/index.js';
import { PARTNER_ID, startHarness, waitFor, type Harness } from './pipeline-harness.js';
import { purchaseOrder850 } from './sample-850.js';

describe('an outbox that cannot be written', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.dispose();
    harness = undefined;
  });

  it('retries delivery with backoff, then leaves the 997 failed with the reason', async () => {
    const h = (harness = await startHarness({ brokenOutbox: 'missing' }));
    const [id] = await h.drop('po-707.edi', purchaseOrder850(707));
    const failed = await waitFor('the 997 to fail', async () => {
      const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID, status: 'failed' });
      return all.find((t) => t.direction === 'outbound');
    });
    // Three attempts (the harness's retry policy), each counted; the reason names the outbox.
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toMatch(/^delivery failed after 3 attempt\(s\): .*outbox/);
    const history = (await h.repositories.transmissions.get(failed.id))?.history.map((e) => e.status);
    expect(history).toEqual(['processed', 'processing', 'processing', 'processing', 'failed']);
    // The inbound file itself was read; only the delivery failed.
    expect((await h.repositories.transmissions.get(id!))?.status).toBe('processed');
  });

  it('gives up at once when the transport refuses for good', async () => {
    const h = (harness = await startHarness({ brokenOutbox: 'file' }));
    await h.drop('po-808.edi', purchaseOrder850(808));
    const failed = await waitFor('the 997 to fail', async () => {
      const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID, status: 'failed' });
      return all.find((t) => t.direction === 'outbound');
    });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/^delivery failed after 1 attempt\(s\): transport-refused: /);
  });

  it('raises a delivery-failed exception, settled with the error cleared once a resend gets through', async () => {
    const h = (harness = await startHarness({ brokenOutbox: 'missing' }));
    await h.drop('po-709.edi', purchaseOrder850(709));
    const failed = await waitFor('the 997 to fail', async () => {
      const all = await h.repositories.transmissions.list({ partnerId: PARTNER_ID, status: 'failed' });
      return all.find((t) => t.direction === 'outbound');
    });
    const [raised] = await waitFor('the exception', async () => {
      const open = await h.repositories.exceptions.list({ kind: 'delivery-failed', subjectId: failed.id });
      return open.length > 0 ? open : undefined;
    });
    expect(raised).toMatchObject({ partnerId: PARTNER_ID, subjectType: 'transmission', status: 'open' });
    expect(raised?.message).toMatch(
      /^997-\d{9}\.x12 was not delivered: delivery failed after 3 attempt\(s\): .*resend it$/,
    );

    // Support fixes the cause (the outbox is back) and resends.
    await mkdir(h.outbox);
    await resendTransmission(failed.id, 'erin', {
      repositories: h.repositories,
      partners: h.partners,
      queues: h.pipeline.queues,
    });
    const sent = await waitFor('the resend to be delivered', async () => {
      const stored = await h.repositories.transmissions.get(failed.id);
      return stored?.status === 'sent' ? stored : undefined;
    });
    expect(sent.lastError).toBeNull();
    expect(sent.history.map((change) => change.status)).toContain('failed');
    const settled = await waitFor('the exception to be resolved', async () => {
      const [exception] = await h.repositories.exceptions.list({
        kind: 'delivery-failed',
        subjectId: failed.id,
      });
      return exception?.status === 'resolved' ? exception : undefined;
    });
    expect(settled.resolvedBy).toBe('gateway');
    expect((await h.outboxFiles()).map((file) => file.name)).toEqual([sent.sourceRef]);
  });
});
