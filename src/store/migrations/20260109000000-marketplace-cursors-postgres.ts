import { Migration } from '@mikro-orm/migrations';

/** Where each marketplace account's pull stopped, so that a restart resumes after it. */
export class Migration20260109000000MarketplaceCursorsPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."marketplace_cursor" ("partner_id" varchar(64) not null, "cursor" text not null, "last_count" int not null, "updated_at" timestamptz not null, constraint "marketplace_cursor_pkey" primary key ("partner_id"));`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."marketplace_cursor";`);
  }
}
