import { Migration } from '@mikro-orm/migrations';

const ACK_STATUSES = `'pending', 'accepted', 'accepted_with_errors', 'partially_accepted', 'rejected', 'overdue'`;
const INVOICE_STATUSES = `'open', 'paid', 'short_paid', 'over_paid'`;

/**
 * See the PostgreSQL migration of the same date. Amounts are `text`, so they come back exactly
 * as stored; the gateway adds them up with decimal arithmetic, never in SQL.
 */
export class Migration20260103000000ReconciliationLibsql extends Migration {
  override up(): void {
    this.addSql(
      `create table \`expected_ack\` (\`outbound_transmission_id\` text not null, \`group_control_number\` text not null, \`partner_id\` text not null, \`functional_id\` text not null, \`interchange_control_number\` text not null, \`transaction_sets\` json not null, \`sent_at\` datetime not null, \`due_at\` datetime not null, \`status\` text check (\`status\` in (${ACK_STATUSES})) not null, \`group_status_code\` text null, \`answered_by_transmission_id\` text null, \`answered_by_document_id\` text null, \`answered_at\` datetime null, \`set_outcomes\` json null, primary key (\`outbound_transmission_id\`, \`group_control_number\`));`,
    );
    this.addSql(
      'create index `expected_ack_group_index` on `expected_ack` (`partner_id`, `functional_id`, `group_control_number`);',
    );
    this.addSql('create index `expected_ack_status_due_index` on `expected_ack` (`status`, `due_at`);');
    this.addSql(
      'create index `expected_ack_answered_by_index` on `expected_ack` (`answered_by_document_id`);',
    );
    this.addSql(
      `create table \`invoice_ledger\` (\`partner_id\` text not null, \`invoice_number\` text not null, \`invoice_document_id\` text not null, \`currency\` text null, \`amount_due\` text not null, \`amount_paid\` text not null default '0', \`status\` text check (\`status\` in (${INVOICE_STATUSES})) not null, \`last_payment_reference\` text null, \`revision\` integer not null default 0, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`partner_id\`, \`invoice_number\`));`,
    );
    this.addSql(
      'create unique index `invoice_ledger_document_unique` on `invoice_ledger` (`invoice_document_id`);',
    );
    this.addSql('create index `invoice_ledger_status_index` on `invoice_ledger` (`status`);');
    this.addSql(
      'create table `payment_application` (`remittance_document_id` text not null, `invoice_number` text not null, `partner_id` text not null, `amount` text not null, `discount` text null, `adjustments` json not null, `payment_reference` text null, `applied_at` datetime not null, primary key (`remittance_document_id`, `invoice_number`), constraint `payment_application_invoice_foreign` foreign key (`partner_id`, `invoice_number`) references `invoice_ledger` (`partner_id`, `invoice_number`) on update cascade);',
    );
    this.addSql(
      'create index `payment_application_invoice_index` on `payment_application` (`partner_id`, `invoice_number`);',
    );
  }

  override down(): void {
    for (const table of ['payment_application', 'invoice_ledger', 'expected_ack']) {
      this.addSql(`drop table if exists \`${table}\`;`);
    }
  }
}
