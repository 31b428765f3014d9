import { Migration } from '@mikro-orm/migrations';

/** See the PostgreSQL migration of the same date. */
export class Migration20260108000000As2MessagesLibsql extends Migration {
  override up(): void {
    this.addSql(
      "create table `as2_message` (`id` text not null, `direction` text check (`direction` in ('inbound', 'outbound')) not null, `partner_id` text not null, `message_id` text not null, `transmission_id` text null, `file_name` text null, `mic` text null, `mdn_mode` text check (`mdn_mode` in ('sync', 'async', 'none')) not null, `status` text check (`status` in ('answered', 'awaiting-mdn', 'delivered', 'refused', 'overdue')) not null, `disposition` text null, `mdn` blob null, `created_at` datetime not null, `due_at` datetime null, `settled_at` datetime null, primary key (`id`));",
    );
    this.addSql('create index `as2_message_transmission_index` on `as2_message` (`transmission_id`);');
    this.addSql('create index `as2_message_file_index` on `as2_message` (`partner_id`, `file_name`);');
    this.addSql('create index `as2_message_due_index` on `as2_message` (`status`, `due_at`);');
    this.addSql('create index `as2_message_message_index` on `as2_message` (`message_id`);');
  }

  override down(): void {
    this.addSql('drop table `as2_message`;');
  }
}
