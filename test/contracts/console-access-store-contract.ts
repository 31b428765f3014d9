import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors/index.js';
import type { ConsoleSession } from '../../src/store/index.js';
import { openForSuite, type StoreHarness } from './store-contract.js';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));

function session(id: string, changes: Partial<ConsoleSession> = {}): ConsoleSession {
  return {
    id: id.padEnd(64, '0'),
    actor: 'alice',
    role: 'operator',
    method: 'password',
    apiKeyId: null,
    csrfToken: 'c'.repeat(43),
    createdAt: at(0),
    expiresAt: at(30),
    lastSeenAt: at(0),
    ...changes,
  };
}

/** Console users and sessions, the same on every dialect. */
export function describeConsoleAccessStoreContract(dialect: string, harness: StoreHarness): void {
  describe(`console access store: ${dialect}`, () => {
    const suite = openForSuite(harness);

    it('stores a user once, changes its password, disables it and ends its password sessions', async () => {
      const { consoleAccess } = suite.repos;
      const user = {
        username: 'alice',
        role: 'operator',
        passwordHash: 'h1',
        createdAt: at(0),
        disabledAt: null,
      };
      expect(await consoleAccess.createUser(user)).toEqual(user);
      const again = await consoleAccess.createUser(user).catch((e: unknown) => e);
      expect(isGatewayError(again) && again.code).toBe('duplicate');

      expect(await consoleAccess.setPassword('alice', 'h2')).toBe(true);
      expect(await consoleAccess.setPassword('nobody', 'h2')).toBe(false);
      expect((await consoleAccess.getUser('alice'))?.passwordHash).toBe('h2');

      await consoleAccess.createSession(session('a1'));
      await consoleAccess.createSession(session('a2', { method: 'api-key', apiKeyId: 'k1' }));
      expect(await consoleAccess.disableUser('alice', at(5))).toBe(true);
      expect((await consoleAccess.getUser('alice'))?.disabledAt).toEqual(at(5));
      expect(await consoleAccess.findSession(session('a1').id, at(1))).toBeNull();
      // A key's session is the key's business, not the user's.
      expect(await consoleAccess.findSession(session('a2').id, at(1))).not.toBeNull();
      expect((await consoleAccess.listUsers()).map((u) => u.username)).toContain('alice');
    });

    it('finds a session until it expires, touches, ends and sweeps sessions', async () => {
      const { consoleAccess } = suite.repos;
      await consoleAccess.createSession(session('b1'));
      await consoleAccess.createSession(session('b2', { apiKeyId: 'k2', method: 'api-key' }));
      await consoleAccess.createSession(session('b3', { expiresAt: at(10) }));

      expect(await consoleAccess.findSession(session('b1').id, at(29))).toMatchObject({ actor: 'alice' });
      expect(await consoleAccess.findSession(session('b1').id, at(30))).toBeNull();
      await consoleAccess.touchSession(session('b1').id, at(7));
      expect((await consoleAccess.findSession(session('b1').id, at(8)))?.lastSeenAt).toEqual(at(7));

      expect(await consoleAccess.endSessionsOfKey('k2')).toBe(1);
      expect(await consoleAccess.findSession(session('b2').id, at(1))).toBeNull();
      expect(await consoleAccess.deleteExpiredSessions(at(11))).toBeGreaterThanOrEqual(1);
      expect(await consoleAccess.findSession(session('b3').id, at(1))).toBeNull();
      await consoleAccess.endSession(session('b1').id);
      expect(await consoleAccess.findSession(session('b1').id, at(8))).toBeNull();
    });
  });
}
