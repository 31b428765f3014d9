import { Migration } from '@mikro-orm/migrations';

/**
 * Duplicate interchanges are judged within a window: an inbound interchange older than the
 * partner's window is marked superseded when its ISA13 comes round again, so the unique index
 * only covers the interchanges still inside a window.
 */
export class Migration20260104000000DuplicateWindowPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`alter table ${s}."interchange_record" add column "superseded_at" timestamptz null;`);
    this.addSql(`drop index ${s}."interchange_record_inbound_unique";`);
    this.addSql(
      `create unique index "interchange_record_inbound_unique" on ${s}."interchange_record" ("partner_id", "sender_id", "control_number") where "direction" = 'inbound' and "superseded_at" is null;`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop index ${s}."interchange_record_inbound_unique";`);
    this.addSql(`alter table ${s}."interchange_record" drop column "superseded_at";`);
  }
}
