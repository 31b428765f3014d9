import { Migration } from '@mikro-orm/migrations';

/**
 * AS2 Message-IDs: the MDN answered to each received message (repeated when the partner sends
 * the same Message-ID again) and, for each sent one, the MIC its MDN must return and what it said.
 */
export class Migration20260108000000As2MessagesPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."as2_message" ("id" varchar(64) not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "partner_id" varchar(64) not null, "message_id" text not null, "transmission_id" uuid null, "file_name" text null, "mic" text null, "mdn_mode" text check ("mdn_mode" in ('sync', 'async', 'none')) not null, "status" text check ("status" in ('answered', 'awaiting-mdn', 'delivered', 'refused', 'overdue')) not null, "disposition" text null, "mdn" bytea null, "created_at" timestamptz not null, "due_at" timestamptz null, "settled_at" timestamptz null, constraint "as2_message_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "as2_message_transmission_index" on ${s}."as2_message" ("transmission_id");`);
    this.addSql(`create index "as2_message_file_index" on ${s}."as2_message" ("partner_id", "file_name");`);
    this.addSql(`create index "as2_message_due_index" on ${s}."as2_message" ("status", "due_at");`);
    this.addSql(`create index "as2_message_message_index" on ${s}."as2_message" ("message_id");`);
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."as2_message";`);
  }
}
