import { Migration } from '@mikro-orm/migrations';

/** Exceptions waiting for staff: at most one open per subject and kind. */
export class Migration20260101000000ExceptionsLibsql extends Migration {
  override up(): void {
    this.addSql(
      "create table `exception_record` (`id` integer not null primary key autoincrement, `partner_id` text null, `subject_type` text not null, `subject_id` text not null, `kind` text not null, `status` text check (`status` in ('open', 'resolved')) not null, `message` text not null, `details` json null, `created_at` datetime not null, `resolved_at` datetime null, `resolved_by` text null, `resolution` json null);",
    );
    this.addSql('create index `exception_record_status_index` on `exception_record` (`status`);');
    this.addSql(
      'create unique index "exception_record_open_unique" on "exception_record" ("subject_type", "subject_id", "kind") where "status" = \'open\';',
    );
  }

  override down(): void {
    this.addSql('drop table if exists `exception_record`;');
  }
}
