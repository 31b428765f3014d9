import { Migration } from '@mikro-orm/migrations';

/** API keys: partners post their transmissions with one (`edik_<id>_<secret>`). */
export class Migration20260106000000ApiKeysPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."api_key" ("id" varchar(32) not null, "name" varchar(128) not null, "role" varchar(16) not null, "partner_id" varchar(64) null, "secret_hash" varchar(64) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_key_partner_id_index" on ${s}."api_key" ("partner_id");`);
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."api_key" cascade;`);
  }
}
