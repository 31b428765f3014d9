import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date: the unique index skips superseded interchanges. */
export class Migration20260104000000DuplicateWindowLibsql extends Migration {
  override up(): void {
    this.addSql('alter table `interchange_record` add column `superseded_at` datetime null;');
    this.addSql('drop index `interchange_record_inbound_unique`;');
    this.addSql(
      'create unique index "interchange_record_inbound_unique" on "interchange_record" ("partner_id", "sender_id", "control_number") where "direction" = \'inbound\' and "superseded_at" is null;',
    );
  }

  override down(): void {
    this.addSql('drop index `interchange_record_inbound_unique`;');
    this.addSql('alter table `interchange_record` drop column `superseded_at`;');
  }
}
