import { Migration } from '@mikro-orm/migrations';

export class Migration20261203131333_budgets extends Migration {

  override name = 'Migration20261203131333_budgets';

  override up(): void | Promise<void> {
    this.addSql(`create table "usage_day" ("room_id" uuid not null, "user_id" uuid not null, "day" date not null, "llm_tokens" bigint not null default '0', "upload_bytes" bigint not null default '0', "uploads" int not null default 0, primary key ("room_id", "user_id", "day"));`);
    this.addSql(`create index "usage_day_user_id_index" on "usage_day" ("user_id");`);

    this.addSql(`alter table "room" add "budgets" jsonb null;`);

    this.addSql(`alter table "usage_day" add constraint "usage_day_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "usage_day" add constraint "usage_day_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "usage_day" cascade;`);

    this.addSql(`alter table "room" drop column "budgets";`);
  }

}
