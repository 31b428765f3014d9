import { Migration } from '@mikro-orm/migrations';

/** Answers gathered per inbound interchange, to go out in one interchange. */
export class Migration20260105000000OutboundBatchesPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."outbound_batch" ("id" varchar(160) not null, "partner_id" varchar(64) not null, "set_id" varchar(3) not null, "expected" int not null, "joined" int not null default 0, "created_at" timestamptz not null, "sealed_at" timestamptz null, constraint "outbound_batch_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table ${s}."outbound_batch_item" ("batch_id" varchar(160) not null, "document_id" varchar(128) not null, "answer_document_id" varchar(128) null, "position" int not null, constraint "outbound_batch_item_pkey" primary key ("batch_id", "document_id"));`,
    );
    this.addSql(
      `create index "outbound_batch_item_answer_index" on ${s}."outbound_batch_item" ("answer_document_id");`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."outbound_batch_item" cascade;`);
    this.addSql(`drop table if exists ${s}."outbound_batch" cascade;`);
  }
}
