import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date. */
export class Migration20260109000000MarketplaceCursorsLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `marketplace_cursor` (`partner_id` text not null, `cursor` text not null, `last_count` integer not null, `updated_at` datetime not null, primary key (`partner_id`));',
    );
  }

  override down(): void {
    this.addSql('drop table `marketplace_cursor`;');
  }
}
