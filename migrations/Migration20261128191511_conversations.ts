import { Migration } from '@mikro-orm/migrations';

export class Migration20261128191511_conversations extends Migration {

  override name = 'Migration20261128191511_conversations';

  override up(): void | Promise<void> {
    this.addSql(`create table "conversation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "owner_id" uuid not null, "title" varchar(200) not null, primary key ("id"));`);
    this.addSql(`create index "conversation_room_id_index" on "conversation" ("room_id");`);
    this.addSql(`create index "conversation_owner_id_index" on "conversation" ("owner_id");`);

    this.addSql(`create table "message" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "conversation_id" uuid not null, "role" text not null, "content" text not null default '', "status" text not null default 'COMPLETE', "error" text null, "groundedness" real null, "metadata" jsonb null, primary key ("id"));`);
    this.addSql(`create index "message_conversation_id_index" on "message" ("conversation_id");`);

    this.addSql(`create table "citation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "message_id" uuid not null, "index" int not null, "chunk_id" uuid null, "document_id" uuid null, "document_title" varchar(300) not null, "page_start" int not null, "page_end" int not null, "quote" text not null, "boxes" jsonb null, primary key ("id"));`);
    this.addSql(`create index "citation_message_id_index" on "citation" ("message_id");`);

    this.addSql(`alter table "conversation" add constraint "conversation_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "conversation" add constraint "conversation_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "message" add constraint "message_conversation_id_foreign" foreign key ("conversation_id") references "conversation" ("id") on delete cascade;`);
    this.addSql(`alter table "message" add constraint "message_role_check" check ("role" in ('USER', 'ASSISTANT'));`);
    this.addSql(`alter table "message" add constraint "message_status_check" check ("status" in ('STREAMING', 'COMPLETE', 'FAILED'));`);

    this.addSql(`alter table "citation" add constraint "citation_message_id_foreign" foreign key ("message_id") references "message" ("id") on delete cascade;`);
    this.addSql(`alter table "citation" add constraint "citation_chunk_id_foreign" foreign key ("chunk_id") references "chunk" ("id") on delete set null;`);
    this.addSql(`alter table "citation" add constraint "citation_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "message" drop constraint "message_conversation_id_foreign";`);
    this.addSql(`alter table "citation" drop constraint "citation_message_id_foreign";`);

    this.addSql(`drop table if exists "conversation" cascade;`);
    this.addSql(`drop table if exists "message" cascade;`);
    this.addSql(`drop table if exists "citation" cascade;`);
  }

}
