import { Migration } from '@mikro-orm/migrations';

export class Migration20261203144201_audit extends Migration {

  override name = 'Migration20261203144201_audit';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "room_id" uuid null, "actor_id" uuid null, "action" text not null, "subject_type" varchar(40) not null, "subject_id" uuid not null, "detail" jsonb null, "address" varchar(100) not null, primary key ("id"));`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_room_id_index" on "audit_entry" ("room_id");`);
    this.addSql(`create index "audit_entry_actor_id_index" on "audit_entry" ("actor_id");`);

    this.addSql(`alter table "audit_entry" add constraint "audit_entry_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_action_check" check ("action" in ('ROOM_CREATED', 'MEMBER_INVITED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'INVITATION_CANCELLED', 'MEMBER_LEFT', 'MEMBER_REMOVED', 'SETTINGS_CHANGED', 'DOCUMENT_UPLOADED', 'DOCUMENT_REPLACED', 'DOCUMENT_DELETED', 'DOCUMENT_VISIBILITY_CHANGED', 'QUIZ_GENERATED', 'DECK_GENERATED', 'STUDY_GUIDE_GENERATED', 'SIGNED_IN'));`);
    this.addSql(`create or replace function "audit_entry_append_only_fn"() returns trigger as \$\$ begin if row(new.id, new.at, new.room_id, new.action, new.subject_type, new.subject_id, new.detail::text, new.address) is distinct from row(old.id, old.at, old.room_id, old.action, old.subject_type, old.subject_id, old.detail::text, old.address) or (new.actor_id is not null and new.actor_id is distinct from old.actor_id) then raise exception 'audit entries are append-only'; end if; return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE on "audit_entry" for each ROW execute function "audit_entry_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "append_only" on "audit_entry";`);
    this.addSql(`drop function if exists "audit_entry_append_only_fn"();`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
