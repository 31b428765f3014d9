import type { MikroORM } from '@mikro-orm/core';
import {
  ConsoleSessionSchema,
  ConsoleUserSchema,
  type ConsoleSession,
  type ConsoleUser,
} from '../entities/console-access.js';
import { guard } from '../store-error.js';
import type { ConsoleAccessStore, StoredConsoleSession, StoredConsoleUser } from './console-access-store.js';

/** `ConsoleAccessStore` on MikroORM, for PostgreSQL and libsql alike. */
export class OrmConsoleAccessStore implements ConsoleAccessStore {
  constructor(private readonly orm: MikroORM) {}

  createUser(user: ConsoleUser): Promise<StoredConsoleUser> {
    return guard(`storing console user ${user.username}`, async () => {
      await this.orm.em.fork().insert(ConsoleUserSchema, { ...user });
      return { ...user };
    });
  }

  setPassword(username: string, passwordHash: string): Promise<boolean> {
    return guard(`changing the password of console user ${username}`, async () => {
      const changed = await this.orm.em
        .fork()
        .nativeUpdate(ConsoleUserSchema, { username }, { passwordHash, disabledAt: null });
      return changed > 0;
    });
  }

  disableUser(username: string, at: Date): Promise<boolean> {
    return guard(`disabling console user ${username}`, async () => {
      const em = this.orm.em.fork();
      const changed = await em.nativeUpdate(ConsoleUserSchema, { username }, { disabledAt: at });
      await em.nativeDelete(ConsoleSessionSchema, { actor: username, method: 'password' });
      return changed > 0;
    });
  }

  getUser(username: string): Promise<StoredConsoleUser | null> {
    return guard(`reading console user ${username}`, async () => {
      const row = await this.orm.em.fork().findOne(ConsoleUserSchema, { username });
      return row === null ? null : { ...row };
    });
  }

  listUsers(): Promise<StoredConsoleUser[]> {
    return guard('listing console users', async () => {
      const rows = await this.orm.em
        .fork()
        .find(ConsoleUserSchema, {}, { orderBy: [{ createdAt: 'asc' }, { username: 'asc' }] });
      return rows.map((row) => ({ ...row }));
    });
  }

  createSession(session: ConsoleSession): Promise<void> {
    return guard('storing a console session', async () => {
      await this.orm.em.fork().insert(ConsoleSessionSchema, { ...session });
    });
  }

  findSession(id: string, now: Date): Promise<StoredConsoleSession | null> {
    return guard('reading a console session', async () => {
      const row = await this.orm.em.fork().findOne(ConsoleSessionSchema, { id, expiresAt: { $gt: now } });
      return row === null ? null : { ...row };
    });
  }

  touchSession(id: string, at: Date): Promise<void> {
    return guard('recording the use of a console session', async () => {
      await this.orm.em.fork().nativeUpdate(ConsoleSessionSchema, { id }, { lastSeenAt: at });
    });
  }

  endSession(id: string): Promise<void> {
    return guard('ending a console session', async () => {
      await this.orm.em.fork().nativeDelete(ConsoleSessionSchema, { id });
    });
  }

  endSessionsOfKey(apiKeyId: string): Promise<number> {
    return guard(`ending the console sessions of API key ${apiKeyId}`, () =>
      this.orm.em.fork().nativeDelete(ConsoleSessionSchema, { apiKeyId }),
    );
  }

  deleteExpiredSessions(now: Date): Promise<number> {
    return guard('deleting expired console sessions', () =>
      this.orm.em.fork().nativeDelete(ConsoleSessionSchema, { expiresAt: { $lte: now } }),
    );
  }
}
