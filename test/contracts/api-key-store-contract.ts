import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors/index.js';
import type { NewApiKey } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

const HASH = 'a'.repeat(64);

function newKey(id: string, changes: Partial<NewApiKey> = {}): NewApiKey {
  return { id, name: `key ${id}`, role: 'partner', partnerId: 'acme', secretHash: HASH, ...changes };
}

/** API keys, the same on every dialect. */
export function describeApiKeyStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`API key store: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('stores a key and reads it back, unused and not revoked; an id is taken once', async () => {
      const createdAt = new Date('2026-01-06T09:30:00.123Z');
      const created = await suite.repos.apiKeys.create(
        newKey('a00000000001', { createdAt, name: 'acme ERP' }),
      );
      const expected = {
        id: 'a00000000001',
        name: 'acme ERP',
        role: 'partner',
        partnerId: 'acme',
        secretHash: HASH,
        createdAt,
        revokedAt: null,
        lastUsedAt: null,
      };
      expect(created).toEqual(expected);
      expect(await suite.repos.apiKeys.get('a00000000001')).toEqual(expected);
      expect(await suite.repos.apiKeys.get('a0000000ffff')).toBeNull();

      const again = await suite.repos.apiKeys.create(newKey('a00000000001')).catch((e: unknown) => e);
      expect(isGatewayError(again) && again.code).toBe('duplicate');
    });

    it('keeps a staff key without a partner', async () => {
      await suite.repos.apiKeys.create(newKey('a00000000002', { role: 'admin', partnerId: null }));
      expect(await suite.repos.apiKeys.get('a00000000002')).toMatchObject({ role: 'admin', partnerId: null });
    });

    it('lists oldest first, without revoked keys unless asked, by partner when asked', async () => {
      const at = (minute: number) => new Date(Date.UTC(2026, 1, 1, 0, minute));
      await suite.repos.apiKeys.create(newKey('b00000000002', { partnerId: 'list-a', createdAt: at(2) }));
      await suite.repos.apiKeys.create(newKey('b00000000001', { partnerId: 'list-a', createdAt: at(1) }));
      await suite.repos.apiKeys.create(newKey('b00000000003', { partnerId: 'list-b', createdAt: at(3) }));
      await suite.repos.apiKeys.revoke('b00000000001');

      const ids = (keys: { id: string }[]) => keys.map((k) => k.id);
      expect(ids(await suite.repos.apiKeys.list({ partnerId: 'list-a' }))).toEqual(['b00000000002']);
      expect(ids(await suite.repos.apiKeys.list({ partnerId: 'list-a', includeRevoked: true }))).toEqual([
        'b00000000001',
        'b00000000002',
      ]);
      const all = ids(await suite.repos.apiKeys.list());
      expect(all).toContain('b00000000003');
      expect(all).not.toContain('b00000000001');
    });

    it('revokes once: a second revocation keeps the first moment and says so', async () => {
      await suite.repos.apiKeys.create(newKey('c00000000001'));
      const first = new Date('2026-02-02T10:00:00.000Z');
      const revoked = await suite.repos.apiKeys.revoke('c00000000001', first);
      expect(revoked).toMatchObject({ revokedNow: true, key: { id: 'c00000000001', revokedAt: first } });

      const again = await suite.repos.apiKeys.revoke('c00000000001', new Date('2026-02-03T10:00:00.000Z'));
      expect(again).toMatchObject({ revokedNow: false, key: { revokedAt: first } });
      expect(await suite.repos.apiKeys.revoke('c0000000ffff')).toBeNull();
    });

    it('revokes concurrently to one revocation', async () => {
      await suite.repos.apiKeys.create(newKey('c00000000002'));
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () => suite.repos.apiKeys.revoke('c00000000002')),
      );
      expect(outcomes.filter((o) => o?.revokedNow === true)).toHaveLength(1);
    });

    it('records a use unless one was recorded since the given moment', async () => {
      await suite.repos.apiKeys.create(newKey('d00000000001'));
      const t0 = new Date('2026-03-01T12:00:00.000Z');
      const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
      const lastUsed = async () => (await suite.repos.apiKeys.get('d00000000001'))?.lastUsedAt;

      await suite.repos.apiKeys.recordUse('d00000000001', t0, later(-60));
      expect(await lastUsed()).toEqual(t0);
      // 30 s later, asking for nothing newer than a minute ago: t0 is recent enough, no write.
      await suite.repos.apiKeys.recordUse('d00000000001', later(30), later(-30));
      expect(await lastUsed()).toEqual(t0);
      await suite.repos.apiKeys.recordUse('d00000000001', later(90), later(30));
      expect(await lastUsed()).toEqual(later(90));
      // A key that does not exist is no error: there is nothing to record.
      await suite.repos.apiKeys.recordUse('d0000000ffff', t0, later(-60));
    });
  });
}
