import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

/** The clock the overdue counts are taken at. */
export const STATS_NOW = new Date('2025-06-01T12:00:00Z');

/**
 * Stores a known mix of transmissions, exceptions and expected acknowledgements; the counts
 * below are what the stats must report for it.
 */
export async function seedStats(repos: Repositories): Promise<void> {
  const { transmissions, exceptions, expectedAcks } = repos;
  await transmissions.recordInbound(Buffer.from('a'), { channel: 'cli' });
  await transmissions.recordInbound(Buffer.from('b'), { channel: 'folder' });
  const read = await transmissions.recordInbound(Buffer.from('c'), { channel: 'sftp', partnerId: 'acme' });
  await transmissions.setStatus(read, 'processed');
  const sent = await transmissions.recordOutbound(Buffer.from('d'), {
    partnerId: 'acme',
    channel: 'sftp',
    sourceRef: '997-1.x12',
  });
  await transmissions.setStatus(sent, 'sent');
  const failed = await transmissions.recordOutbound(Buffer.from('e'), {
    partnerId: 'beta',
    channel: 'folder',
    sourceRef: '855-1.x12',
  });
  await transmissions.setStatus(failed, 'failed', 'refused');

  const raise = (kind: string, subjectId: string) =>
    exceptions.raise({ partnerId: 'acme', subjectType: 'order', subjectId, kind, message: kind });
  await raise('price-mismatch', 'PO-1');
  await raise('price-mismatch', 'PO-2');
  await raise('ack-overdue', sent);
  const settled = await raise('short-payment', 'INV-1');
  await exceptions.resolve(settled, 'alice', { note: 'paid' });

  const group = (outboundTransmissionId: string, partnerId: string, gs06: string, dueAt: string) => ({
    outboundTransmissionId,
    groupControlNumber: gs06,
    partnerId,
    functionalId: 'PR',
    interchangeControlNumber: '000000001',
    transactionSets: [{ setId: '855', controlNumber: '0001' }],
    sentAt: new Date('2025-05-30T00:00:00Z'),
    dueAt: new Date(dueAt),
  });
  const flagged = group(sent, 'acme', '1', '2025-05-31T00:00:00Z');
  await expectedAcks.expect(flagged);
  await expectedAcks.markOverdue(flagged);
  // Due at the very moment counted: overdue, though no sweep has flagged it yet.
  await expectedAcks.expect(group(sent, 'acme', '2', STATS_NOW.toISOString()));
  await expectedAcks.expect(group(sent, 'acme', '3', '2025-06-01T12:00:01Z'));
  await expectedAcks.expect(group(failed, 'beta', '4', '2025-06-02T00:00:00Z'));
}

const byKey = <T>(rows: T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/** The grouped counts of the store, the same on every dialect. */
export function describeTransmissionStatsContract(dialect: string, harness: StoreHarness): void {
  describe(`transmission stats: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('counts nothing in an empty store', async () => {
      const { stats } = suite.repos;
      expect(await stats.countByDirectionStatusPartner()).toEqual([]);
      expect(await stats.countOpenExceptionsByKind()).toEqual([]);
      expect(await stats.countOverdueAcknowledgements(STATS_NOW)).toEqual([]);
    });

    it('counts transmissions, open exceptions and overdue acknowledgements in groups', async () => {
      await seedStats(suite.repos);
      const { stats } = suite.repos;
      const key = (row: { direction: string; status: string; partnerId: string | null }) =>
        `${row.direction}/${row.status}/${row.partnerId ?? ''}`;
      expect(byKey(await stats.countByDirectionStatusPartner(), key)).toEqual([
        { direction: 'inbound', status: 'processed', partnerId: 'acme', count: 1 },
        { direction: 'inbound', status: 'received', partnerId: null, count: 2 },
        { direction: 'outbound', status: 'failed', partnerId: 'beta', count: 1 },
        { direction: 'outbound', status: 'sent', partnerId: 'acme', count: 1 },
      ]);
      expect(byKey(await stats.countOpenExceptionsByKind(), (row) => row.kind)).toEqual([
        { kind: 'ack-overdue', count: 1 },
        { kind: 'price-mismatch', count: 2 },
      ]);
      expect(await stats.countOverdueAcknowledgements(STATS_NOW)).toEqual([{ partnerId: 'acme', count: 2 }]);
      const later = await stats.countOverdueAcknowledgements(new Date('2025-06-03T00:00:00Z'));
      expect(byKey(later, (row) => row.partnerId)).toEqual([
        { partnerId: 'acme', count: 3 },
        { partnerId: 'beta', count: 1 },
      ]);
    });

    it('gives each named partner its last file in and out, and its recent failures', async () => {
      const { stats } = suite.repos;
      const { transmissions } = suite.repos;
      const at = (day: number) => new Date(Date.UTC(2025, 6, day, 8));
      await transmissions.recordInbound(Buffer.from('x'), {
        channel: 'sftp',
        partnerId: 'gamma',
        receivedAt: at(1),
      });
      await transmissions.recordInbound(Buffer.from('y'), {
        channel: 'sftp',
        partnerId: 'gamma',
        receivedAt: at(3),
      });
      const out = await transmissions.recordOutbound(Buffer.from('z'), {
        partnerId: 'gamma',
        channel: 'sftp',
        sourceRef: '855-9.x12',
        createdAt: at(2),
      });
      await transmissions.setStatus(out, 'failed', 'refused');
      expect(await stats.partnerActivity(['gamma', 'quiet'], at(2))).toEqual([
        { partnerId: 'gamma', lastInboundAt: at(3), lastOutboundAt: at(2), recent: 2, recentFailed: 1 },
        { partnerId: 'quiet', lastInboundAt: null, lastOutboundAt: null, recent: 0, recentFailed: 0 },
      ]);
      expect(await stats.partnerActivity([], at(2))).toEqual([]);
    });
  });
}
