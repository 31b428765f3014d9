import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type OpenedStore } from '../../../src/store/index.js';
import { dropSchemaAndClose, openPostgresStore, randomSchemaName } from './postgres-test-schema.js';

const STORES = 8;
const NUMBERS_EACH = 1_000;

describe('control numbers across separate PostgreSQL connections', () => {
  const schema = randomSchemaName('store_counter');
  let stores: OpenedStore[] = [];

  beforeAll(async () => {
    // Opened together on an empty schema: the migration lock must let exactly one of them migrate.
    stores = await Promise.all(
      Array.from({ length: STORES }, () => openPostgresStore(schema, { poolSize: 2 })),
    );
  });
  afterAll(async () => {
    const [first, ...others] = stores;
    await Promise.all(others.map((s) => s.close()));
    if (first !== undefined) await dropSchemaAndClose(first);
  });

  it(`hands out ${STORES * NUMBERS_EACH} distinct numbers, 1 to ${STORES * NUMBERS_EACH}, to ${STORES} stores at once`, async () => {
    const started = performance.now();
    const perStore = await Promise.all(
      stores.map(async (store) => {
        const { controlNumbers } = createRepositories(store.orm);
        const numbers: number[] = [];
        for (let i = 0; i < NUMBERS_EACH; i++) numbers.push(await controlNumbers.next('acme', 'ISA'));
        return numbers;
      }),
    );
    const elapsed = performance.now() - started;
    const all = perStore.flat();
    expect(all).toHaveLength(STORES * NUMBERS_EACH);
    expect(new Set(all).size).toBe(STORES * NUMBERS_EACH);
    expect(Math.min(...all)).toBe(1);
    expect(Math.max(...all)).toBe(STORES * NUMBERS_EACH);
    // Each store sees its own numbers rise: a later call never gets a smaller number.
    for (const numbers of perStore) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    console.info(`control numbers: ${all.length} from ${STORES} stores in ${Math.round(elapsed)} ms`);
  });
});
