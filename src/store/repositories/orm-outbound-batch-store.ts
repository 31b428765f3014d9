import { raw, type MikroORM } from '@mikro-orm/core';
import { OutboundBatchItemSchema, OutboundBatchSchema } from '../entities/outbound-batch.js';
import { guard } from '../store-error.js';
import type {
  JoinOutcome,
  NewOutboundBatch,
  OutboundBatchStore,
  SealedBatch,
} from './outbound-batch-store.js';

/** `OutboundBatchStore` on MikroORM. */
export class OrmOutboundBatchStore implements OutboundBatchStore {
  constructor(private readonly orm: MikroORM) {}

  open(batch: NewOutboundBatch): Promise<void> {
    return guard(`opening batch ${batch.id}`, async () => {
      const em = this.orm.em.fork();
      if ((await em.count(OutboundBatchSchema, { id: batch.id })) > 0) return;
      await em
        .insert(OutboundBatchSchema, { ...batch, joined: 0, createdAt: new Date(), sealedAt: null })
        .catch(async (error: unknown) => {
          // Opened by an overlapping run in between: theirs stands.
          if ((await em.count(OutboundBatchSchema, { id: batch.id })) === 0) throw error;
        });
    });
  }

  join(batchId: string, documentId: string, answerDocumentId: string | null): Promise<JoinOutcome> {
    return guard(`joining ${documentId} to batch ${batchId}`, () =>
      this.orm.em.fork().transactional(async (em): Promise<JoinOutcome> => {
        if ((await em.count(OutboundBatchItemSchema, { batchId, documentId })) > 0) {
          const batch = await em.findOne(OutboundBatchSchema, { id: batchId });
          return { joined: true, complete: batch !== null && batch.joined >= batch.expected };
        }
        // The update takes the batch's row lock: a seal waits for this transaction, or this sees
        // the seal. Two runs of one job at once both count, and the second insert below fails,
        // rolling its count back.
        const counted = await em.nativeUpdate(
          OutboundBatchSchema,
          { id: batchId, sealedAt: null },
          { joined: raw('"joined" + 1') },
        );
        if (counted === 0) return { joined: false };
        const batch = await em.findOneOrFail(OutboundBatchSchema, { id: batchId });
        await em.insert(OutboundBatchItemSchema, {
          batchId,
          documentId,
          answerDocumentId,
          position: batch.joined,
        });
        return { joined: true, complete: batch.joined >= batch.expected };
      }),
    );
  }

  seal(batchId: string, at = new Date()): Promise<SealedBatch | null> {
    return guard(`sealing batch ${batchId}`, () =>
      this.orm.em.fork().transactional(async (em) => {
        await em.nativeUpdate(OutboundBatchSchema, { id: batchId, sealedAt: null }, { sealedAt: at });
        const batch = await em.findOne(OutboundBatchSchema, { id: batchId });
        if (batch === null || batch.sealedAt === null) return null;
        const items = await em.find(
          OutboundBatchItemSchema,
          { batchId },
          { orderBy: { position: 'asc', documentId: 'asc' } },
        );
        return {
          id: batch.id,
          partnerId: batch.partnerId,
          setId: batch.setId,
          sealedAt: batch.sealedAt,
          items: items.map((item) => ({
            documentId: item.documentId,
            answerDocumentId: item.answerDocumentId,
          })),
        };
      }),
    );
  }

  stateOf(batchId: string): Promise<'open' | 'sealed' | null> {
    return guard(`looking up batch ${batchId}`, async () => {
      const batch = await this.orm.em.fork().findOne(OutboundBatchSchema, { id: batchId });
      if (batch === null) return null;
      return batch.sealedAt === null ? 'open' : 'sealed';
    });
  }

  batchOf(answerDocumentId: string): Promise<string | null> {
    return guard(`looking for the batch of ${answerDocumentId}`, async () => {
      const item = await this.orm.em.fork().findOne(OutboundBatchItemSchema, { answerDocumentId });
      return item?.batchId ?? null;
    });
  }
}
