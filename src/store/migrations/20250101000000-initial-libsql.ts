import { Migration } from '@mikro-orm/migrations';

/**
 * The first schema of the store on libsql (SQLite). Same tables as on PostgreSQL; the types differ
 * (no `uuid`, `jsonb` or `timestamptz`), and foreign keys sit inside `create table` because SQLite
 * cannot add them afterwards.
 */
export class Migration20250101000000InitialLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `audit_event` (`id` integer not null primary key autoincrement, `at` datetime not null, `actor` text not null, `action` text not null, `subject_type` text not null, `subject_id` text not null, `details` json null);',
    );
    this.addSql('create index `audit_event_subject_index` on `audit_event` (`subject_type`, `subject_id`);');
    this.addSql(
      "create table `control_number_counter` (`partner_id` text not null, `level` text check (`level` in ('ISA', 'GS', 'ST')) not null, `last_value` integer not null, primary key (`partner_id`, `level`));",
    );
    this.addSql(
      "create table `transmission` (`id` text not null, `direction` text check (`direction` in ('inbound', 'outbound')) not null, `partner_id` text null, `channel` text check (`channel` in ('sftp', 'as2', 'http', 'folder', 'marketplace', 'cli')) not null, `payload` blob null, `archive_ref` text null, `sha256` text not null, `size` bigint not null, `source_ref` text null, `received_at` datetime not null, `status` text check (`status` in ('received', 'processing', 'processed', 'rejected', 'failed', 'sent', 'acknowledged')) not null, `attempts` integer not null default 0, `last_error` text null, primary key (`id`));",
    );
    this.addSql('create index `transmission_partner_id_index` on `transmission` (`partner_id`);');
    this.addSql('create index `transmission_sha256_index` on `transmission` (`sha256`);');
    this.addSql('create index `transmission_status_index` on `transmission` (`status`);');
    this.addSql(
      "create table `interchange_record` (`id` integer not null primary key autoincrement, `transmission_id` text not null, `direction` text check (`direction` in ('inbound', 'outbound')) not null, `partner_id` text null, `sender_qualifier` text not null, `sender_id` text not null, `receiver_qualifier` text not null, `receiver_id` text not null, `control_number` text not null, `version` text not null, `usage` text not null, `ack_requested` integer not null, `outcome` text not null, constraint `interchange_record_transmission_id_foreign` foreign key(`transmission_id`) references `transmission`(`id`) on delete cascade on update cascade);",
    );
    this.addSql(
      'create index `interchange_record_transmission_id_index` on `interchange_record` (`transmission_id`);',
    );
    this.addSql(
      'create unique index "interchange_record_inbound_unique" on "interchange_record" ("partner_id", "sender_id", "control_number") where "direction" = \'inbound\';',
    );
    this.addSql(
      'create table `group_record` (`id` integer not null primary key autoincrement, `interchange_id` integer not null, `functional_id` text not null, `control_number` text not null, `version` text not null, `outcome_code` text not null, constraint `group_record_interchange_id_foreign` foreign key(`interchange_id`) references `interchange_record`(`id`) on delete cascade on update cascade);',
    );
    this.addSql('create index `group_record_interchange_id_index` on `group_record` (`interchange_id`);');
    this.addSql(
      'create table `transaction_set_record` (`id` integer not null primary key autoincrement, `group_id` integer not null, `set_id` text not null, `control_number` text not null, `outcome_code` text not null, `error_count` integer not null default 0, constraint `transaction_set_record_group_id_foreign` foreign key(`group_id`) references `group_record`(`id`) on delete cascade on update cascade);',
    );
    this.addSql(
      'create index `transaction_set_record_group_id_index` on `transaction_set_record` (`group_id`);',
    );
    this.addSql(
      'create table `canonical_document` (`id` text not null, `type` text not null, `partner_id` text not null, `document` json not null, `transaction_set_id` integer null, `created_at` datetime not null, constraint `canonical_document_transaction_set_id_foreign` foreign key(`transaction_set_id`) references `transaction_set_record`(`id`) on delete set null on update cascade, primary key (`id`));',
    );
    this.addSql('create index `canonical_document_partner_id_index` on `canonical_document` (`partner_id`);');
    this.addSql(
      'create index `canonical_document_transaction_set_id_index` on `canonical_document` (`transaction_set_id`);',
    );
    this.addSql(
      "create table `transmission_event` (`id` integer not null primary key autoincrement, `transmission_id` text not null, `at` datetime not null, `status` text check (`status` in ('received', 'processing', 'processed', 'rejected', 'failed', 'sent', 'acknowledged')) not null, `message` text null, constraint `transmission_event_transmission_id_foreign` foreign key(`transmission_id`) references `transmission`(`id`) on delete cascade on update cascade);",
    );
    this.addSql(
      'create index `transmission_event_transmission_id_index` on `transmission_event` (`transmission_id`);',
    );
  }

  override down(): void {
    for (const table of DROP_ORDER) this.addSql(`drop table if exists \`${table}\`;`);
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
