import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  CanonicalDocumentRecordSchema,
  type CanonicalDocumentRecord,
} from '../entities/canonical-document-record.js';
import { guard } from '../store-error.js';
import { chunks } from './batch-sql.js';
import type { DocumentStore, StoredDocument } from './document-store.js';

/** `DocumentStore` on MikroORM. */
export class OrmDocumentStore implements DocumentStore {
  constructor(private readonly orm: MikroORM) {}

  save(
    document: { id: string; type: string; partnerId: string },
    transactionSetId: number | null = null,
  ): Promise<void> {
    return guard(`storing ${document.type} ${document.id}`, async () => {
      await this.orm.em.fork().insert(CanonicalDocumentRecordSchema, {
        id: document.id,
        type: document.type,
        partnerId: document.partnerId,
        document: { ...document },
        transactionSet: transactionSetId,
        createdAt: new Date(),
      });
    });
  }

  saveNew(
    entries: readonly {
      document: { id: string; type: string; partnerId: string };
      transactionSetId?: number | null;
    }[],
  ): Promise<number> {
    return guard(`storing ${entries.length} document(s)`, async () => {
      if (entries.length === 0) return 0;
      const createdAt = new Date();
      const rows = entries.map(({ document, transactionSetId = null }) => ({
        id: document.id,
        type: document.type,
        partnerId: document.partnerId,
        document: { ...document },
        transactionSet: transactionSetId,
        createdAt,
      }));
      // Both drivers are SQL ones; the core's EntityManager type just does not say so.
      const em = this.orm.em.fork() as unknown as SqlEntityManager;
      return em.transactional(async (tx) => {
        let stored = 0;
        // SQLite's form of this insert is a compound select, of at most 500 terms.
        for (const part of chunks(rows, 1, 500)) {
          const result: { affectedRows?: number } = await tx
            .createQueryBuilder(CanonicalDocumentRecordSchema)
            .insert(part)
            .onConflict('id')
            .ignore()
            .execute('run');
          stored += result.affectedRows ?? 0;
        }
        return stored;
      });
    });
  }

  get(id: string): Promise<StoredDocument | null> {
    return guard(`reading document ${id}`, async () => {
      const found = await this.orm.em.fork().findOne(CanonicalDocumentRecordSchema, { id });
      return found === null ? null : toStored(found);
    });
  }

  getMany(ids: readonly string[]): Promise<StoredDocument[]> {
    return guard(`reading ${ids.length} document(s)`, async () => {
      if (ids.length === 0) return [];
      const rows = await this.orm.em.fork().find(CanonicalDocumentRecordSchema, { id: { $in: [...ids] } });
      return rows.map(toStored);
    });
  }
}

function toStored(found: CanonicalDocumentRecord): StoredDocument {
  return {
    id: found.id,
    type: found.type,
    partnerId: found.partnerId,
    document: found.document,
    transactionSetId: found.transactionSet?.id ?? null,
    createdAt: found.createdAt,
  };
}
