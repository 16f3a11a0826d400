import { Migration } from '@mikro-orm/migrations';

export class Migration20261128190909_documents extends Migration {

  override name = 'Migration20261128190909_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table "document_blob" ("key" varchar(100) not null, "bytes" bytea not null, "size_bytes" int not null, "created_at" timestamptz not null, primary key ("key"));`);

    this.addSql(`create table "document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "uploaded_by_id" uuid null, "title" varchar(300) not null, "filename" varchar(300) not null, "mime_type" varchar(120) not null, "kind" text not null, "size_bytes" int not null, "content_hash" varchar(64) not null, "status" text not null default 'QUEUED', "stage" text not null default 'QUEUED', "progress" real not null default 0, "stage_message" text null, "error" text null, "page_count" int null, "chunk_count" int not null default 0, "version" int not null default 1, "job_id" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "document_room_id_index" on "document" ("room_id");`);
    this.addSql(`alter table "document" add constraint "document_room_id_content_hash_unique" unique ("room_id", "content_hash");`);

    this.addSql(`create table "chunk" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "document_id" uuid not null, "room_id" uuid not null, "ordinal" int not null, "text" text not null, "page_start" int not null, "page_end" int not null, "char_start" int not null, "char_end" int not null, "token_count" int not null, "heading_path" jsonb not null, "text_hash" varchar(64) not null, "embedder_id" varchar(200) not null, "embedding" bytea not null, "boxes" jsonb null, primary key ("id"));`);
    this.addSql(`create index "chunk_document_id_index" on "chunk" ("document_id");`);
    this.addSql(`create index "chunk_room_id_index" on "chunk" ("room_id");`);
    this.addSql(`alter table "chunk" add constraint "chunk_document_id_ordinal_unique" unique ("document_id", "ordinal");`);

    this.addSql(`alter table "document" add constraint "document_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "document" add constraint "document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "document" add constraint "document_kind_check" check ("kind" in ('pdf', 'docx', 'text'));`);
    this.addSql(`alter table "document" add constraint "document_status_check" check ("status" in ('QUEUED', 'PROCESSING', 'READY', 'FAILED'));`);
    this.addSql(`alter table "document" add constraint "document_stage_check" check ("stage" in ('QUEUED', 'EXTRACTING', 'CHUNKING', 'EMBEDDING', 'INDEXING', 'READY', 'FAILED'));`);

    this.addSql(`alter table "chunk" add constraint "chunk_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete cascade;`);
    this.addSql(`alter table "chunk" add constraint "chunk_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "chunk" drop constraint "chunk_document_id_foreign";`);

    this.addSql(`drop table if exists "document_blob" cascade;`);
    this.addSql(`drop table if exists "document" cascade;`);
    this.addSql(`drop table if exists "chunk" cascade;`);
  }

}
