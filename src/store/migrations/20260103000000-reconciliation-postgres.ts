import { Migration } from '@mikro-orm/migrations';

const ACK_STATUSES = `'pending', 'accepted', 'accepted_with_errors', 'partially_accepted', 'rejected', 'overdue'`;
const INVOICE_STATUSES = `'open', 'paid', 'short_paid', 'over_paid'`;

/**
 * Reconciliation: the functional acknowledgements we wait for (one row per functional group we
 * sent), the invoices we sent with what has been paid on them, and each payment applied.
 * Group control numbers wrap, so `(partner, GS01, GS06)` is indexed but not unique: an answer
 * matches the newest row still waiting.
 */
export class Migration20260103000000ReconciliationPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."expected_ack" ("outbound_transmission_id" uuid not null, "group_control_number" varchar(9) not null, "partner_id" varchar(64) not null, "functional_id" varchar(2) not null, "interchange_control_number" varchar(9) not null, "transaction_sets" jsonb not null, "sent_at" timestamptz not null, "due_at" timestamptz not null, "status" text check ("status" in (${ACK_STATUSES})) not null, "group_status_code" varchar(2) null, "answered_by_transmission_id" uuid null, "answered_by_document_id" varchar(128) null, "answered_at" timestamptz null, "set_outcomes" jsonb null, constraint "expected_ack_pkey" primary key ("outbound_transmission_id", "group_control_number"));`,
    );
    this.addSql(
      `create index "expected_ack_group_index" on ${s}."expected_ack" ("partner_id", "functional_id", "group_control_number");`,
    );
    this.addSql(`create index "expected_ack_status_due_index" on ${s}."expected_ack" ("status", "due_at");`);
    this.addSql(
      `create index "expected_ack_answered_by_index" on ${s}."expected_ack" ("answered_by_document_id");`,
    );
    this.addSql(
      `create table ${s}."invoice_ledger" ("partner_id" varchar(64) not null, "invoice_number" varchar(64) not null, "invoice_document_id" varchar(128) not null, "currency" varchar(3) null, "amount_due" numeric not null, "amount_paid" numeric not null default 0, "status" text check ("status" in (${INVOICE_STATUSES})) not null, "last_payment_reference" varchar(128) null, "revision" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "invoice_ledger_pkey" primary key ("partner_id", "invoice_number"));`,
    );
    this.addSql(
      `create unique index "invoice_ledger_document_unique" on ${s}."invoice_ledger" ("invoice_document_id");`,
    );
    this.addSql(`create index "invoice_ledger_status_index" on ${s}."invoice_ledger" ("status");`);
    this.addSql(
      `create table ${s}."payment_application" ("remittance_document_id" varchar(128) not null, "invoice_number" varchar(64) not null, "partner_id" varchar(64) not null, "amount" numeric not null, "discount" numeric null, "adjustments" jsonb not null, "payment_reference" varchar(128) null, "applied_at" timestamptz not null, constraint "payment_application_pkey" primary key ("remittance_document_id", "invoice_number"), constraint "payment_application_invoice_foreign" foreign key ("partner_id", "invoice_number") references ${s}."invoice_ledger" ("partner_id", "invoice_number") on update cascade);`,
    );
    this.addSql(
      `create index "payment_application_invoice_index" on ${s}."payment_application" ("partner_id", "invoice_number");`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    for (const table of ['payment_application', 'invoice_ledger', 'expected_ack']) {
      this.addSql(`drop table if exists ${s}."${table}" cascade;`);
    }
  }
}
