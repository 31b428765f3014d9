import { Migration } from '@mikro-orm/migrations';

/**
 * What support searches by: one row per business or control number a transmission carries, with
 * an index on `(kind, value)` for the search and the primary key (transmission first) for reading
 * a page's numbers back. The list orders newest first, by status or partner: each of those gets an
 * index in that order, so a page is read from an index rather than sorted.
 */
export class Migration20260107000000TransmissionReferencesPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."transmission_reference" ("transmission_id" uuid not null, "kind" varchar(32) not null, "value" varchar(128) not null, constraint "transmission_reference_pkey" primary key ("transmission_id", "kind", "value"));`,
    );
    this.addSql(
      `create index "transmission_reference_kind_value_index" on ${s}."transmission_reference" ("kind", "value");`,
    );
    this.addSql(
      `alter table ${s}."transmission_reference" add constraint "transmission_reference_transmission_id_foreign" foreign key ("transmission_id") references ${s}."transmission" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create index "transmission_received_at_id_index" on ${s}."transmission" ("received_at" desc, "id");`,
    );
    this.addSql(
      `create index "transmission_status_received_at_index" on ${s}."transmission" ("status", "received_at" desc, "id");`,
    );
    this.addSql(
      `create index "transmission_partner_received_at_index" on ${s}."transmission" ("partner_id", "received_at" desc, "id");`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop index if exists ${s}."transmission_partner_received_at_index";`);
    this.addSql(`drop index if exists ${s}."transmission_status_received_at_index";`);
    this.addSql(`drop index if exists ${s}."transmission_received_at_id_index";`);
    this.addSql(`drop table if exists ${s}."transmission_reference" cascade;`);
  }
}
