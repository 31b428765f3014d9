import { Migration } from '@mikro-orm/migrations';

/**
 * Where an inbox file was (`source_path`: a local or remote path, beside its name in `source_ref`).
 * A file taken from a partner's inbox is identified by partner, path, size and sha256 until it
 * has left the inbox; a post by its Idempotency-Key. The unique index makes the second intake of
 * the same upload (after a crash between storing and archiving, or a retried post) find the first.
 */
export class Migration20260106000001IntakeKeyPostgres extends Migration {
  override up(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`alter table ${s}."transmission" add column "intake_key" varchar(64) null;`);
    this.addSql(`alter table ${s}."transmission" add column "source_path" text null;`);
    this.addSql(
      `create unique index "transmission_intake_key_unique" on ${s}."transmission" ("intake_key");`,
    );
  }

  override down(): void {
    const s = `"${this.config.get('schema') ?? 'public'}"`;
    this.addSql(`drop index if exists ${s}."transmission_intake_key_unique";`);
    this.addSql(`alter table ${s}."transmission" drop column "source_path";`);
    this.addSql(`alter table ${s}."transmission" drop column "intake_key";`);
  }
}
