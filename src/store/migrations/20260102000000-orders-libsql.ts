import { Migration } from '@mikro-orm/migrations';

const ORDER_STATUSES = `'open', 'on_hold', 'acknowledged', 'rejected', 'cancelled', 'partially_shipped', 'shipped', 'invoiced'`;
const LINE_STATUSES = `'open', 'allocated', 'partially_allocated', 'backordered', 'cancelled', 'rejected'`;

/**
 * Orders, inventory, catalog and price lists on SQLite. Stock quantities are `numeric`, which
 * SQLite computes exactly for whole quantities (the reservation arithmetic runs in SQL); order
 * line figures are `text`, so they come back exactly as the buyer sent them.
 */
export class Migration20260102000000OrdersLibsql extends Migration {
  override up(): void {
    this.addSql(
      `create table \`order_record\` (\`id\` text not null, \`partner_id\` text not null, \`po_number\` text not null, \`kind\` text check (\`kind\` in ('order', 'cancellation')) not null, \`target_order_id\` text null, \`status\` text check (\`status\` in (${ORDER_STATUSES})) not null, \`decision\` text check (\`decision\` in ('accept', 'hold', 'reject')) not null, \`findings\` json not null, \`allocation\` json null, \`ack_document_id\` text null, \`revision\` integer not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`,
    );
    this.addSql(
      'create index `order_record_partner_id_po_number_index` on `order_record` (`partner_id`, `po_number`);',
    );
    this.addSql('create index `order_record_status_index` on `order_record` (`status`);');
    this.addSql(
      `create table \`order_line\` (\`order_id\` text not null, \`line_number\` text not null, \`position\` integer not null, \`item_id\` text null, \`quantity\` text not null, \`uom\` text not null, \`unit_price\` text null, \`allocated\` text not null default '0', \`backordered\` text not null default '0', \`status\` text check (\`status\` in (${LINE_STATUSES})) not null, \`locations\` json not null, primary key (\`order_id\`, \`line_number\`), constraint \`order_line_order_id_foreign\` foreign key (\`order_id\`) references \`order_record\` (\`id\`) on update cascade on delete cascade);`,
    );
    this.addSql(
      "create table `inventory_level` (`item_id` text not null, `location_id` text not null, `kind` text check (`kind` in ('dc', '3pl', 'dropship')) not null, `on_hand` numeric not null, `committed` numeric not null default 0, `updated_at` datetime not null, primary key (`item_id`, `location_id`), constraint `inventory_level_committed_check` check (`committed` >= 0));",
    );
    this.addSql(
      'create table `inventory_reservation` (`order_id` text not null, `line_number` text not null, `location_id` text not null, `item_id` text not null, `quantity` numeric not null, `created_at` datetime not null, primary key (`order_id`, `line_number`, `location_id`), constraint `inventory_reservation_order_id_foreign` foreign key (`order_id`) references `order_record` (`id`), constraint `inventory_reservation_level_foreign` foreign key (`item_id`, `location_id`) references `inventory_level` (`item_id`, `location_id`));',
    );
    this.addSql(
      'create table `catalog_item` (`item_id` text not null, `item` json not null, `buyer_part_numbers` json null, `updated_at` datetime not null, primary key (`item_id`));',
    );
    this.addSql(
      'create table `catalog_reference` (`reference` text not null, `partner_id` text not null, `item_id` text not null, primary key (`reference`, `partner_id`, `item_id`), constraint `catalog_reference_item_id_foreign` foreign key (`item_id`) references `catalog_item` (`item_id`) on update cascade on delete cascade);',
    );
    this.addSql('create index `catalog_reference_item_id_index` on `catalog_reference` (`item_id`);');
    this.addSql(
      'create table `price_entry` (`id` integer not null primary key autoincrement, `price_list` text not null, `item_id` text not null, `uom` text not null, `partner_id` text null, `unit_price` text not null, `contract_number` text null, `updated_at` datetime not null);',
    );
    this.addSql(
      "create unique index `price_entry_unique` on `price_entry` (`price_list`, `item_id`, `uom`, coalesce(`partner_id`, ''));",
    );
  }

  override down(): void {
    for (const table of [
      'inventory_reservation',
      'order_line',
      'order_record',
      'inventory_level',
      'catalog_reference',
      'catalog_item',
      'price_entry',
    ]) {
      this.addSql(`drop table if exists \`${table}\`;`);
    }
  }
}
