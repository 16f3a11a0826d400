import { Migration } from '@mikro-orm/migrations';

export class Migration20261203122210_invitations extends Migration {

  override name = 'Migration20261203122210_invitations';

  override up(): void | Promise<void> {
    this.addSql(`alter table "room_member" add "status" text not null default 'ACTIVE', add "email" varchar(320) null, add "invited_by_id" uuid null, add "accepted_at" timestamptz null;`);
    this.addSql(`alter table "room_member" add constraint "room_member_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "room_member" alter column "user_id" drop not null;`);
    this.addSql(`create index "room_member_email_index" on "room_member" ("email");`);
    this.addSql(`alter table "room_member" add constraint "room_member_room_id_email_unique" unique ("room_id", "email");`);
    this.addSql(`alter table "room_member" add constraint "room_member_invited_or_active_check" check ((status = 'INVITED' and user_id is null and email is not null) or (status = 'ACTIVE' and user_id is not null));`);
    this.addSql(`alter table "room_member" add constraint "room_member_status_check" check ("status" in ('INVITED', 'ACTIVE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "room_member" drop constraint "room_member_invited_by_id_foreign";`);

    this.addSql(`drop index "room_member_email_index";`);
    this.addSql(`alter table "room_member" drop constraint "room_member_room_id_email_unique";`);
    this.addSql(`alter table "room_member" drop constraint "room_member_invited_or_active_check";`);
    this.addSql(`alter table "room_member" drop constraint "room_member_status_check";`);
    this.addSql(`alter table "room_member" drop column "status", drop column "email", drop column "invited_by_id", drop column "accepted_at";`);
    this.addSql(`alter table "room_member" alter column "user_id" set not null;`);
  }

}
