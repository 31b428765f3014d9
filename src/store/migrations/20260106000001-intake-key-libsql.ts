import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date. */
export class Migration20260106000001IntakeKeyLibsql extends Migration {
  override up(): void {
    this.addSql('alter table `transmission` add column `intake_key` text null;');
    this.addSql('alter table `transmission` add column `source_path` text null;');
    this.addSql('create unique index `transmission_intake_key_unique` on `transmission` (`intake_key`);');
  }

  override down(): void {
    this.addSql('drop index `transmission_intake_key_unique`;');
    this.addSql('alter table `transmission` drop column `source_path`;');
    this.addSql('alter table `transmission` drop column `intake_key`;');
  }
}
