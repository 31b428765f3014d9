import { Migration } from '@mikro-orm/migrations';

/** Console users (username and scrypt password hash) and console sessions (cookie token hashes). */
export class Migration20260107000001ConsoleAccessPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."console_user" ("username" varchar(64) not null, "role" varchar(16) not null, "password_hash" varchar(255) not null, "created_at" timestamptz not null, "disabled_at" timestamptz null, constraint "console_user_pkey" primary key ("username"));`,
    );
    this.addSql(
      `create table ${s}."console_session" ("id" varchar(64) not null, "actor" varchar(128) not null, "role" varchar(16) not null, "method" varchar(16) not null, "api_key_id" varchar(32) null, "csrf_token" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "console_session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "console_session_expires_at_index" on ${s}."console_session" ("expires_at");`);
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."console_session" cascade;`);
    this.addSql(`drop table if exists ${s}."console_user" cascade;`);
  }
}
