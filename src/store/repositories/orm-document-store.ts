import type { MikroORM } from '@mikro-orm/core';
import { CanonicalDocumentRecordSchema } from '../entities/canonical-document-record.js';
import { guard } from '../store-error.js';
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

  get(id: string): Promise<StoredDocument | null> {
    return guard(`reading document ${id}`, async () => {
      const found = await this.orm.em.fork().findOne(CanonicalDocumentRecordSchema, { id });
      if (found === null) return null;
      return {
        id: found.id,
        type: found.type,
        partnerId: found.partnerId,
        document: found.document,
        transactionSetId: found.transactionSet?.id ?? null,
        createdAt: found.createdAt,
      };
    });
  }
}
