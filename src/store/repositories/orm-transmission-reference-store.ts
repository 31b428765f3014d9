import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import {
  TransmissionReferenceSchema,
  type TransmissionReference,
} from '../entities/transmission-reference.js';
import { guard } from '../store-error.js';
import { referenceValue } from './reference-value.js';
import type { ReferenceEntry, TransmissionReferenceStore } from './transmission-reference-store.js';

/** `TransmissionReferenceStore` on MikroORM, for PostgreSQL and libsql alike. */
export class OrmTransmissionReferenceStore implements TransmissionReferenceStore {
  constructor(private readonly orm: MikroORM) {}

  add(transmissionId: string, entries: readonly ReferenceEntry[]): Promise<void> {
    const rows = new Map<string, TransmissionReference>();
    for (const { kind, value } of entries) {
      const normalised = referenceValue(kind, value);
      if (normalised !== '')
        rows.set(`${kind}\u0000${normalised}`, { transmissionId, kind, value: normalised });
    }
    if (rows.size === 0) return Promise.resolve();
    return guard(`recording the references of transmission ${transmissionId}`, async () => {
      // Both drivers are SQL ones; the core's EntityManager type just does not say so.
      const em = this.orm.em.fork() as unknown as SqlEntityManager;
      await em
        .createQueryBuilder(TransmissionReferenceSchema)
        .insert([...rows.values()])
        .onConflict(['transmissionId', 'kind', 'value'])
        .ignore()
        .execute('run');
    });
  }

  of(transmissionIds: readonly string[]): Promise<Map<string, ReferenceEntry[]>> {
    return guard(`reading the references of ${transmissionIds.length} transmission(s)`, async () => {
      const found = new Map<string, ReferenceEntry[]>();
      if (transmissionIds.length === 0) return found;
      const rows = await this.orm.em
        .fork()
        .find(
          TransmissionReferenceSchema,
          { transmissionId: { $in: [...new Set(transmissionIds)] } },
          { orderBy: [{ transmissionId: 'asc' }, { kind: 'asc' }, { value: 'asc' }] },
        );
      for (const row of rows) {
        const list = found.get(row.transmissionId) ?? [];
        list.push({ kind: row.kind, value: row.value });
        found.set(row.transmissionId, list);
      }
      return found;
    });
  }
}
