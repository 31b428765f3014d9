import { Migration } from '@mikro-orm/migrations';

/**
 * The first schema of the store on PostgreSQL. Every name is qualified with the configured schema
 * (`openStore`'s `schema` option), so several stores can share one database, one per test file.
 */
export class Migration20250101000000InitialPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."audit_event" ("id" serial primary key, "at" timestamptz not null, "actor" varchar(128) not null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(128) not null, "details" jsonb null);`,
    );
    this.addSql(
      `create index "audit_event_subject_index" on ${s}."audit_event" ("subject_type", "subject_id");`,
    );
    this.addSql(
      `create table ${s}."control_number_counter" ("partner_id" varchar(64) not null, "level" text check ("level" in ('ISA', 'GS', 'ST')) not null, "last_value" int not null, constraint "control_number_counter_pkey" primary key ("partner_id", "level"));`,
    );
    this.addSql(
      `create table ${s}."transmission" ("id" uuid not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "partner_id" varchar(64) null, "channel" text check ("channel" in ('sftp', 'as2', 'http', 'folder', 'marketplace', 'cli')) not null, "payload" bytea null, "archive_ref" text null, "sha256" varchar(64) not null, "size" bigint not null, "source_ref" text null, "received_at" timestamptz not null, "status" text check ("status" in ('received', 'processing', 'processed', 'rejected', 'failed', 'sent', 'acknowledged')) not null, "attempts" int not null default 0, "last_error" text null, constraint "transmission_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "transmission_partner_id_index" on ${s}."transmission" ("partner_id");`);
    this.addSql(`create index "transmission_sha256_index" on ${s}."transmission" ("sha256");`);
    this.addSql(`create index "transmission_status_index" on ${s}."transmission" ("status");`);
    this.addSql(
      `create table ${s}."interchange_record" ("id" serial primary key, "transmission_id" uuid not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "partner_id" varchar(64) null, "sender_qualifier" varchar(2) not null, "sender_id" varchar(15) not null, "receiver_qualifier" varchar(2) not null, "receiver_id" varchar(15) not null, "control_number" varchar(9) not null, "version" varchar(5) not null, "usage" varchar(1) not null, "ack_requested" boolean not null, "outcome" varchar(1) not null);`,
    );
    this.addSql(
      `create index "interchange_record_transmission_id_index" on ${s}."interchange_record" ("transmission_id");`,
    );
    this.addSql(
      `create unique index "interchange_record_inbound_unique" on ${s}."interchange_record" ("partner_id", "sender_id", "control_number") where "direction" = 'inbound';`,
    );
    this.addSql(
      `create table ${s}."group_record" ("id" serial primary key, "interchange_id" int not null, "functional_id" varchar(2) not null, "control_number" varchar(9) not null, "version" varchar(12) not null, "outcome_code" varchar(1) not null);`,
    );
    this.addSql(
      `create index "group_record_interchange_id_index" on ${s}."group_record" ("interchange_id");`,
    );
    this.addSql(
      `create table ${s}."transaction_set_record" ("id" serial primary key, "group_id" int not null, "set_id" varchar(3) not null, "control_number" varchar(9) not null, "outcome_code" varchar(1) not null, "error_count" int not null default 0);`,
    );
    this.addSql(
      `create index "transaction_set_record_group_id_index" on ${s}."transaction_set_record" ("group_id");`,
    );
    this.addSql(
      `create table ${s}."canonical_document" ("id" varchar(128) not null, "type" varchar(32) not null, "partner_id" varchar(64) not null, "document" jsonb not null, "transaction_set_id" int null, "created_at" timestamptz not null, constraint "canonical_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "canonical_document_partner_id_index" on ${s}."canonical_document" ("partner_id");`,
    );
    this.addSql(
      `create index "canonical_document_transaction_set_id_index" on ${s}."canonical_document" ("transaction_set_id");`,
    );
    this.addSql(
      `create table ${s}."transmission_event" ("id" serial primary key, "transmission_id" uuid not null, "at" timestamptz not null, "status" text check ("status" in ('received', 'processing', 'processed', 'rejected', 'failed', 'sent', 'acknowledged')) not null, "message" text null);`,
    );
    this.addSql(
      `create index "transmission_event_transmission_id_index" on ${s}."transmission_event" ("transmission_id");`,
    );
    this.addSql(
      `alter table ${s}."interchange_record" add constraint "interchange_record_transmission_id_foreign" foreign key ("transmission_id") references ${s}."transmission" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table ${s}."group_record" add constraint "group_record_interchange_id_foreign" foreign key ("interchange_id") references ${s}."interchange_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table ${s}."transaction_set_record" add constraint "transaction_set_record_group_id_foreign" foreign key ("group_id") references ${s}."group_record" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table ${s}."canonical_document" add constraint "canonical_document_transaction_set_id_foreign" foreign key ("transaction_set_id") references ${s}."transaction_set_record" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table ${s}."transmission_event" add constraint "transmission_event_transmission_id_foreign" foreign key ("transmission_id") references ${s}."transmission" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    for (const table of DROP_ORDER) this.addSql(`drop table if exists ${s}."${table}" cascade;`);
  }
}

const DROP_ORDER = [
  'canonical_document',
  'transaction_set_record',
  'group_record',
  'interchange_record',
  'transmission_event',
  'transmission',
  'control_number_counter',
  'audit_event',
];
