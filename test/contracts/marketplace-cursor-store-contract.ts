import { describe, expect, it } from 'vitest';
import { openForSuite, type StoreHarness } from './store-contract.js';

/** Marketplace pull cursors, the same on every dialect. */
export function describeMarketplaceCursorStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`marketplace cursor store: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('has no cursor for an account never pulled, then keeps the last one saved, per account', async () => {
      const cursors = suite.repos.marketplaceCursors;
      expect(await cursors.get('acme-shop')).toBeNull();
      const first = new Date('2026-12-05T10:00:00.000Z');
      await cursors.save('acme-shop', '{"after":"2026-12-05T09:00:00Z"}', 12, first);
      await cursors.save('other-shop', 'page-2', 3, first);
      const later = new Date('2026-12-05T10:15:00.000Z');
      await cursors.save('acme-shop', '{"after":"2026-12-05T10:13:00Z"}', 0, later);
      expect(await cursors.get('acme-shop')).toEqual({
        cursor: '{"after":"2026-12-05T10:13:00Z"}',
        lastCount: 0,
        updatedAt: later,
      });
      expect((await cursors.get('other-shop'))?.cursor).toBe('page-2');
    });

    it('forgets a cleared cursor, and clearing an unknown account is a no-op', async () => {
      const cursors = suite.repos.marketplaceCursors;
      await cursors.save('cleared-shop', 'x', 1);
      await cursors.clear('cleared-shop');
      await cursors.clear('never-pulled');
      expect(await cursors.get('cleared-shop')).toBeNull();
    });
  });
}
