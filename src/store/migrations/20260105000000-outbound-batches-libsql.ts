import { Migration } from '@mikro-orm/migrations';

/** Answers gathered per inbound interchange, to go out in one interchange. */
export class Migration20260105000000OutboundBatchesLibsql extends Migration {
  override up(): void {
    this.addSql(
      'create table `outbound_batch` (`id` text not null, `partner_id` text not null, `set_id` text not null, `expected` integer not null, `joined` integer not null default 0, `created_at` datetime not null, `sealed_at` datetime null, primary key (`id`));',
    );
    this.addSql(
      'create table `outbound_batch_item` (`batch_id` text not null, `document_id` text not null, `answer_document_id` text null, `position` integer not null, primary key (`batch_id`, `document_id`));',
    );
    this.addSql(
      'create index `outbound_batch_item_answer_index` on `outbound_batch_item` (`answer_document_id`);',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `outbound_batch_item`;');
    this.addSql('drop table if exists `outbound_batch`;');
  }
}
