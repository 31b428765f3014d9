import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date; the foreign key sits in `create table` here. */
export class Migration20260107000000TransmissionReferencesLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `transmission_reference` (`transmission_id` text not null, `kind` text not null, `value` text not null, primary key (`transmission_id`, `kind`, `value`), constraint `transmission_reference_transmission_id_foreign` foreign key (`transmission_id`) references `transmission` (`id`) on update cascade on delete cascade);',
    );
    this.addSql(
      'create index `transmission_reference_kind_value_index` on `transmission_reference` (`kind`, `value`);',
    );
    this.addSql(
      'create index `transmission_received_at_id_index` on `transmission` (`received_at` desc, `id`);',
    );
    this.addSql(
      'create index `transmission_status_received_at_index` on `transmission` (`status`, `received_at` desc, `id`);',
    );
    this.addSql(
      'create index `transmission_partner_received_at_index` on `transmission` (`partner_id`, `received_at` desc, `id`);',
    );
  }

  override down(): void {
    this.addSql('drop index `transmission_partner_received_at_index`;');
    this.addSql('drop index `transmission_status_received_at_index`;');
    this.addSql('drop index `transmission_received_at_id_index`;');
    this.addSql('drop table `transmission_reference`;');
  }
}
