import type { FilterQuery, MikroORM } from '@mikro-orm/core';
import { ApiKeySchema, type ApiKey } from '../entities/api-key.js';
import { guard } from '../store-error.js';
import type { ApiKeyFilter, ApiKeyStore, NewApiKey, RevokedApiKey, StoredApiKey } from './api-key-store.js';

/** `ApiKeyStore` on MikroORM, for PostgreSQL and libsql alike. */
export class OrmApiKeyStore implements ApiKeyStore {
  constructor(private readonly orm: MikroORM) {}

  create(key: NewApiKey): Promise<StoredApiKey> {
    return guard(`storing API key ${key.id}`, async () => {
      const row: ApiKey = {
        id: key.id,
        name: key.name,
        role: key.role,
        partnerId: key.partnerId,
        secretHash: key.secretHash,
        createdAt: key.createdAt ?? new Date(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await this.orm.em.fork().insert(ApiKeySchema, row);
      return row;
    });
  }

  get(id: string): Promise<StoredApiKey | null> {
    return guard(`reading API key ${id}`, async () => {
      const row = await this.orm.em.fork().findOne(ApiKeySchema, { id });
      return row === null ? null : toStored(row);
    });
  }

  list(filter: ApiKeyFilter = {}): Promise<StoredApiKey[]> {
    return guard('listing API keys', async () => {
      const where: FilterQuery<ApiKey> = {};
      if (filter.partnerId !== undefined) where.partnerId = filter.partnerId;
      if (filter.includeRevoked !== true) where.revokedAt = null;
      const rows = await this.orm.em
        .fork()
        .find(ApiKeySchema, where, { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toStored);
    });
  }

  revoke(id: string, at = new Date()): Promise<RevokedApiKey | null> {
    return guard(`revoking API key ${id}`, async () => {
      const em = this.orm.em.fork();
      // Conditional, so that two revocations at once keep the first moment and tell the second.
      const changed = await em.nativeUpdate(ApiKeySchema, { id, revokedAt: null }, { revokedAt: at });
      const row = await em.findOne(ApiKeySchema, { id });
      return row === null ? null : { key: toStored(row), revokedNow: changed > 0 };
    });
  }

  recordUse(id: string, at: Date, unlessSince: Date): Promise<void> {
    return guard(`recording the use of API key ${id}`, async () => {
      await this.orm.em
        .fork()
        .nativeUpdate(
          ApiKeySchema,
          { id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: unlessSince } }] },
          { lastUsedAt: at },
        );
    });
  }
}

function toStored(row: ApiKey): StoredApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    partnerId: row.partnerId,
    secretHash: row.secretHash,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}
