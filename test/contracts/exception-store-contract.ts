import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';
import { interchange } from './store-samples.js';

/** Exceptions and the duplicate window of the envelope index, the same on every dialect. */
export function describeExceptionStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`exception store and duplicate window: ${dialect}`, () => {
    const suite = openForSuite(harness);

    const shortPay = {
      partnerId: 'acme',
      subjectType: 'invoice',
      subjectId: 'INV-1',
      kind: 'short-payment',
      message: 'paid 90.00 of 100.00',
      details: { paid: '90.00', due: '100.00' },
    };

    it('raises an exception once while it is open, however often it is raised', async () => {
      const first = await suite.repos.exceptions.raise(shortPay);
      const again = await suite.repos.exceptions.raise({ ...shortPay, message: 'raised by a rerun' });
      expect(again).toBe(first);
      const open = await suite.repos.exceptions.list({ status: 'open', subjectId: 'INV-1' });
      expect(open).toMatchObject([{ id: first, message: 'paid 90.00 of 100.00', details: shortPay.details }]);
    });

    it('stores a partner value holding NUL in a message, its details and a status change, written as \\u0000', async () => {
      const nul = 'ISA12 "00\u0000401" is not a version';
      const id = await suite.repos.exceptions.raise({
        ...shortPay,
        subjectId: 'INV-NUL',
        message: nul,
        details: { value: '00\u0000401', ['key\u0000']: ['\u0000'] },
      });
      const [stored] = await suite.repos.exceptions.list({ subjectId: 'INV-NUL' });
      expect(stored).toMatchObject({
        id,
        message: 'ISA12 "00\\u0000401" is not a version',
        details: { value: '00\\u0000401', ['key\\u0000']: ['\\u0000'] },
      });
      const transmission = await suite.repos.transmissions.recordInbound(Buffer.from('ISA\u0000'), {
        channel: 'cli',
      });
      await suite.repos.transmissions.setStatus(transmission, 'failed', nul);
      const read = await suite.repos.transmissions.get(transmission);
      expect(read?.lastError).toBe('ISA12 "00\\u0000401" is not a version');
      expect(read?.history.at(-1)?.message).toBe('ISA12 "00\\u0000401" is not a version');
    });

    it('raises concurrently to one open row', async () => {
      const subject = { ...shortPay, subjectId: 'INV-RACE' };
      const ids = await Promise.all(Array.from({ length: 8 }, () => suite.repos.exceptions.raise(subject)));
      expect(new Set(ids).size).toBe(1);
      expect(await suite.repos.exceptions.list({ subjectId: 'INV-RACE' })).toHaveLength(1);
    });

    it('resolves once, keeping who and how, and opens a new one when it happens again', async () => {
      const subject = { ...shortPay, subjectId: 'INV-2' };
      const id = await suite.repos.exceptions.raise(subject);
      const resolved = await suite.repos.exceptions.resolve(id, 'alice', { note: 'credit memo 77 issued' });
      expect(resolved).toMatchObject({
        status: 'resolved',
        resolvedBy: 'alice',
        resolution: { note: 'credit memo 77 issued' },
      });
      const twice = await suite.repos.exceptions.resolve(id, 'bob', {}).catch((e: unknown) => e);
      expect(isGatewayError(twice) && twice.code).toBe('conflict');
      const reopened = await suite.repos.exceptions.raise(subject);
      expect(reopened).not.toBe(id);
      const missing = await suite.repos.exceptions.resolve(999_999, 'bob', {}).catch((e: unknown) => e);
      expect(isGatewayError(missing) && missing.code).toBe('not-found');
    });

    it('supersedes an original interchange so its ISA13 can be recorded again', async () => {
      const old = await suite.repos.transmissions.recordInbound(Buffer.from('old'), {
        channel: 'cli',
        receivedAt: new Date('2025-01-01T00:00:00Z'),
      });
      const renewed = await suite.repos.transmissions.recordInbound(Buffer.from('new'), { channel: 'cli' });
      const entry = interchange(old, '000000777');
      await suite.repos.envelopes.recordInterchange(entry);
      const again = await suite.repos.envelopes
        .recordInterchange({ ...entry, transmissionId: renewed })
        .catch((e: unknown) => e);
      expect(isGatewayError(again) && again.code).toBe('duplicate');

      const original = await suite.repos.envelopes.findInbound(
        entry.partnerId!,
        entry.sender.id,
        '000000777',
      );
      expect(original).toMatchObject({ transmissionId: old, receivedAt: new Date('2025-01-01T00:00:00Z') });
      expect(await suite.repos.envelopes.supersedeInbound(original!.id, new Date())).toBe(true);
      expect(await suite.repos.envelopes.supersedeInbound(original!.id, new Date())).toBe(false);
      await suite.repos.envelopes.recordInterchange({ ...entry, transmissionId: renewed });
      const now = await suite.repos.envelopes.findInbound(entry.partnerId!, entry.sender.id, '000000777');
      expect(now?.transmissionId).toBe(renewed);
    });
  });
}
