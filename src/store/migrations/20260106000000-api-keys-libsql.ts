import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date. */
export class Migration20260106000000ApiKeysLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `api_key` (`id` text not null, `name` text not null, `role` text not null, `partner_id` text null, `secret_hash` text not null, `created_at` datetime not null, `revoked_at` datetime null, `last_used_at` datetime null, primary key (`id`));',
    );
    this.addSql('create index `api_key_partner_id_index` on `api_key` (`partner_id`);');
  }

  override down(): void {
    this.addSql('drop table if exists `api_key`;');
  }
}
