import { Migration } from '@mikro-orm/migrations';

export class Migration20261128185144_initial extends Migration {
  override name = 'Migration20261128185144_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "room" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "description" text null, "embedder_id" varchar(200) null, primary key ("id"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(320) not null, "display_name" varchar(120) not null, "password_hash" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "room_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "user_id" uuid not null, "role" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "room_member_room_id_index" on "room_member" ("room_id");`);
    this.addSql(`create index "room_member_user_id_index" on "room_member" ("user_id");`);
    this.addSql(
      `alter table "room_member" add constraint "room_member_room_id_user_id_unique" unique ("room_id", "user_id");`,
    );

    this.addSql(
      `alter table "room_member" add constraint "room_member_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "room_member" add constraint "room_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "room_member" add constraint "room_member_role_check" check ("role" in ('OWNER', 'EDITOR', 'VIEWER'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "room_member" drop constraint "room_member_room_id_foreign";`);
    this.addSql(`alter table "room_member" drop constraint "room_member_user_id_foreign";`);

    this.addSql(`drop table if exists "room" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "room_member" cascade;`);
  }
}
