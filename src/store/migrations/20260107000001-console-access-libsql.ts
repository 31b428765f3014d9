import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date. */
export class Migration20260107000001ConsoleAccessLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `console_user` (`username` text not null, `role` text not null, `password_hash` text not null, `created_at` datetime not null, `disabled_at` datetime null, primary key (`username`));',
    );
    this.addSql(
      'create table `console_session` (`id` text not null, `actor` text not null, `role` text not null, `method` text not null, `api_key_id` text null, `csrf_token` text not null, `created_at` datetime not null, `expires_at` datetime not null, `last_seen_at` datetime not null, primary key (`id`));',
    );
    this.addSql('create index `console_session_expires_at_index` on `console_session` (`expires_at`);');
  }

  override down(): void {
    this.addSql('drop table if exists `console_session`;');
    this.addSql('drop table if exists `console_user`;');
  }
}
