import type { MikroORM } from '@mikro-orm/core';
import {
  CONTROL_NUMBER_LEVELS,
  ControlNumberCounterSchema,
  type ControlNumberLevel,
} from '../entities/control-number-counter.js';
import { guard, storeError } from '../store-error.js';
import { CONTROL_NUMBER_MAX, type ControlNumberAllocator } from './control-number-allocator.js';

/**
 * `ControlNumberAllocator` as one upsert per number. The row lock the upsert takes is the only
 * synchronisation: no read-then-write, so no window in which two callers see the same value.
 */
export class OrmControlNumberAllocator implements ControlNumberAllocator {
  private readonly statement: string;

  constructor(private readonly orm: MikroORM) {
    const meta = orm.getMetadata().get(ControlNumberCounterSchema.meta.className);
    const platform = orm.em.getPlatform();
    const q = (name: string) => platform.quoteIdentifier(name);
    const schema = meta.schema ?? orm.config.get('schema');
    const table = q(meta.tableName);
    const target = schema === undefined ? table : `${q(schema)}.${table}`;
    // Both PostgreSQL and SQLite (3.35+) accept this form; the target's unqualified name refers to
    // the existing row inside DO UPDATE.
    // A block of n numbers ends at the value returned; one that would pass the maximum starts
    // again at 1, so a block is always consecutive. `next` is a block of one.
    const last = `${table}.${q('last_value')}`;
    this.statement =
      `insert into ${target} (${q('partner_id')}, ${q('level')}, ${q('last_value')}) values (?, ?, ?) ` +
      `on conflict (${q('partner_id')}, ${q('level')}) do update set ${q('last_value')} = ` +
      `case when ${last} + ? > ? then ? else ${last} + ? end ` +
      `returning ${q('last_value')}`;
  }

  next(partnerId: string, level: ControlNumberLevel): Promise<number> {
    return this.nextBlock(partnerId, level, 1);
  }

  async nextBlock(partnerId: string, level: ControlNumberLevel, count: number): Promise<number> {
    if (partnerId === '') throw storeError('store-invalid', 'a control number needs a partner id', true);
    if (!CONTROL_NUMBER_LEVELS.includes(level)) {
      throw storeError(
        'store-invalid',
        `control number level must be ISA, GS or ST, not ${String(level)}`,
        true,
      );
    }
    const max = CONTROL_NUMBER_MAX[level];
    if (!Number.isInteger(count) || count < 1 || count > max) {
      throw storeError('store-invalid', `a block of control numbers holds 1 to ${max}, not ${count}`, true);
    }
    const what = count === 1 ? `a ${level} control number` : `${count} ${level} control numbers`;
    return await guard(`allocating ${what} for ${partnerId}`, async () => {
      // `execute` is typed `any`: the row is checked below rather than trusted.
      const rows: unknown = await this.orm.em
        .getConnection()
        .execute(this.statement, [partnerId, level, count, count, max, count, count], 'all');
      const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
      const value = Number((first as { last_value?: unknown } | undefined)?.last_value);
      if (!Number.isInteger(value)) throw new Error(`the counter returned ${JSON.stringify(rows)}`);
      return value - count + 1;
    });
  }
}
