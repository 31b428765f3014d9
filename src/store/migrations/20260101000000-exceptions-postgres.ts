import { Migration } from '@mikro-orm/migrations';

/** Exceptions waiting for staff: at most one open per subject and kind. */
export class Migration20260101000000ExceptionsPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(
      `create table ${s}."exception_record" ("id" serial primary key, "partner_id" varchar(64) null, "subject_type" varchar(32) not null, "subject_id" varchar(128) not null, "kind" varchar(64) not null, "status" text check ("status" in ('open', 'resolved')) not null, "message" text not null, "details" jsonb null, "created_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by" varchar(128) null, "resolution" jsonb null);`,
    );
    this.addSql(`create index "exception_record_status_index" on ${s}."exception_record" ("status");`);
    this.addSql(
      `create unique index "exception_record_open_unique" on ${s}."exception_record" ("subject_type", "subject_id", "kind") where "status" = 'open';`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop table if exists ${s}."exception_record" cascade;`);
  }
}
