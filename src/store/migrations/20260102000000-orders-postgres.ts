import { Migration } from '@mikro-orm/migrations';

const ORDER_STATUSES = `'open', 'on_hold', 'acknowledged', 'rejected', 'cancelled', 'partially_shipped', 'shipped', 'invoiced'`;
const LINE_STATUSES = `'open', 'allocated', 'partially_allocated', 'backordered', 'cancelled', 'rejected'`;

/**
 * Orders and their lines, inventory with the reservations orders hold, the catalog and price
 * lists. Quantities are `numeric` so that PostgreSQL reserves stock exactly in SQL.
 */
export class Migration20260102000000OrdersPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."order_record" ("id" varchar(128) not null, "partner_id" varchar(64) not null, "po_number" varchar(64) not null, "kind" text check ("kind" in ('order', 'cancellation')) not null, "target_order_id" varchar(128) null, "status" text check ("status" in (${ORDER_STATUSES})) not null, "decision" text check ("decision" in ('accept', 'hold', 'reject')) not null, "findings" jsonb not null, "allocation" jsonb null, "ack_document_id" varchar(128) null, "revision" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "order_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "order_record_partner_id_po_number_index" on ${s}."order_record" ("partner_id", "po_number");`,
    );
    this.addSql(`create index "order_record_status_index" on ${s}."order_record" ("status");`);
    this.addSql(
      `create table ${s}."order_line" ("order_id" varchar(128) not null, "line_number" varchar(64) not null, "position" int not null, "item_id" varchar(64) null, "quantity" numeric not null, "uom" varchar(8) not null, "unit_price" numeric null, "allocated" numeric not null default 0, "backordered" numeric not null default 0, "status" text check ("status" in (${LINE_STATUSES})) not null, "locations" jsonb not null, constraint "order_line_pkey" primary key ("order_id", "line_number"), constraint "order_line_order_id_foreign" foreign key ("order_id") references ${s}."order_record" ("id") on update cascade on delete cascade);`,
    );
    this.addSql(
      `create table ${s}."inventory_level" ("item_id" varchar(64) not null, "location_id" varchar(64) not null, "kind" text check ("kind" in ('dc', '3pl', 'dropship')) not null, "on_hand" numeric not null, "committed" numeric not null default 0, "updated_at" timestamptz not null, constraint "inventory_level_pkey" primary key ("item_id", "location_id"), constraint "inventory_level_committed_check" check ("committed" >= 0));`,
    );
    // No cascade from the order: deleting it must not drop stock it holds without giving it back.
    this.addSql(
      `create table ${s}."inventory_reservation" ("order_id" varchar(128) not null, "line_number" varchar(64) not null, "location_id" varchar(64) not null, "item_id" varchar(64) not null, "quantity" numeric not null, "created_at" timestamptz not null, constraint "inventory_reservation_pkey" primary key ("order_id", "line_number", "location_id"), constraint "inventory_reservation_order_id_foreign" foreign key ("order_id") references ${s}."order_record" ("id"), constraint "inventory_reservation_level_foreign" foreign key ("item_id", "location_id") references ${s}."inventory_level" ("item_id", "location_id"));`,
    );
    this.addSql(
      `create table ${s}."catalog_item" ("item_id" varchar(64) not null, "item" jsonb not null, "buyer_part_numbers" jsonb null, "updated_at" timestamptz not null, constraint "catalog_item_pkey" primary key ("item_id"));`,
    );
    this.addSql(
      `create table ${s}."catalog_reference" ("reference" varchar(128) not null, "partner_id" varchar(64) not null, "item_id" varchar(64) not null, constraint "catalog_reference_pkey" primary key ("reference", "partner_id", "item_id"), constraint "catalog_reference_item_id_foreign" foreign key ("item_id") references ${s}."catalog_item" ("item_id") on update cascade on delete cascade);`,
    );
    this.addSql(`create index "catalog_reference_item_id_index" on ${s}."catalog_reference" ("item_id");`);
    this.addSql(
      `create table ${s}."price_entry" ("id" serial primary key, "price_list" varchar(64) not null, "item_id" varchar(64) not null, "uom" varchar(8) not null, "partner_id" varchar(64) null, "unit_price" varchar(32) not null, "contract_number" varchar(64) null, "updated_at" timestamptz not null);`,
    );
    // One list price and one contract price per partner for each item and unit.
    this.addSql(
      `create unique index "price_entry_unique" on ${s}."price_entry" ("price_list", "item_id", "uom", coalesce("partner_id", ''));`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    for (const table of [
      'inventory_reservation',
      'order_line',
      'order_record',
      'inventory_level',
      'catalog_reference',
      'catalog_item',
      'price_entry',
    ]) {
      this.addSql(`drop table if exists ${s}."${table}" cascade;`);
    }
  }
}
