import { Migration } from '@mikro-orm/migrations';

export class Migration20261203101251_study_guides extends Migration {

  override name = 'Migration20261203101251_study_guides';

  override up(): void | Promise<void> {
    this.addSql(`create table "study_guide" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "created_by_id" uuid null, "owner_id" uuid null, "title" varchar(200) not null, "status" text not null default 'GENERATING', "error" text null, "document_ids" jsonb not null, "content" text not null default '', "sections" jsonb not null, "engine" varchar(100) null, "job_id" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "study_guide_room_id_index" on "study_guide" ("room_id");`);

    this.addSql(`alter table "study_guide" add constraint "study_guide_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "study_guide" add constraint "study_guide_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "study_guide" add constraint "study_guide_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "study_guide" add constraint "study_guide_status_check" check ("status" in ('GENERATING', 'READY', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "study_guide" cascade;`);
  }

}
