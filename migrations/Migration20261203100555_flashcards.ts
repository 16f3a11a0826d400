import { Migration } from '@mikro-orm/migrations';

export class Migration20261203100555_flashcards extends Migration {

  override name = 'Migration20261203100555_flashcards';

  override up(): void | Promise<void> {
    this.addSql(`create table "deck" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "created_by_id" uuid null, "owner_id" uuid null, "kind" text not null default 'GENERATED', "title" varchar(200) not null, "status" text not null default 'GENERATING', "error" text null, "document_ids" jsonb not null, "requested_count" int not null, "stats" jsonb null, "job_id" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "deck_room_id_index" on "deck" ("room_id");`);
    this.addSql(`alter table "deck" add constraint "deck_room_id_owner_id_unique" unique ("room_id", "owner_id");`);

    this.addSql(`create table "card" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deck_id" uuid not null, "room_id" uuid not null, "ordinal" int not null, "kind" text not null, "front" text not null, "back" text not null, "chunk_id" uuid null, "document_id" uuid null, "document_title" varchar(300) not null, "quote" text not null, "page_start" int not null, "page_end" int not null, "page_label" varchar(40) not null, "highlights" jsonb not null, "source_question_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "card_deck_id_index" on "card" ("deck_id");`);
    this.addSql(`create index "card_room_id_index" on "card" ("room_id");`);
    this.addSql(`alter table "card" add constraint "card_deck_id_source_question_id_unique" unique ("deck_id", "source_question_id");`);

    this.addSql(`create table "review_log" ("id" uuid not null, "user_id" uuid not null, "card_id" uuid not null, "room_id" uuid not null, "rating" text not null, "state" text not null, "due" timestamptz not null, "stability" double precision not null, "difficulty" double precision not null, "scheduled_days" int not null, "learning_steps" int not null, "reviewed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "review_log_card_id_index" on "review_log" ("card_id");`);
    this.addSql(`create index "review_log_user_id_room_id_reviewed_at_index" on "review_log" ("user_id", "room_id", "reviewed_at");`);

    this.addSql(`create table "card_review" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "card_id" uuid not null, "room_id" uuid not null, "state" text not null, "due" timestamptz not null, "stability" double precision not null, "difficulty" double precision not null, "scheduled_days" int not null, "learning_steps" int not null, "reps" int not null, "lapses" int not null, "last_review" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "card_review_card_id_index" on "card_review" ("card_id");`);
    this.addSql(`create index "card_review_user_id_room_id_due_index" on "card_review" ("user_id", "room_id", "due");`);
    this.addSql(`alter table "card_review" add constraint "card_review_user_id_card_id_unique" unique ("user_id", "card_id");`);

    this.addSql(`alter table "room" add "new_cards_per_day" int not null default 20;`);

    this.addSql(`alter table "deck" add constraint "deck_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "deck" add constraint "deck_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "deck" add constraint "deck_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "deck" add constraint "deck_kind_check" check ("kind" in ('GENERATED', 'MISSED_QUESTIONS'));`);
    this.addSql(`alter table "deck" add constraint "deck_status_check" check ("status" in ('GENERATING', 'READY', 'FAILED'));`);

    this.addSql(`alter table "card" add constraint "card_deck_id_foreign" foreign key ("deck_id") references "deck" ("id") on delete cascade;`);
    this.addSql(`alter table "card" add constraint "card_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "card" add constraint "card_chunk_id_foreign" foreign key ("chunk_id") references "chunk" ("id") on delete set null;`);
    this.addSql(`alter table "card" add constraint "card_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete set null;`);
    this.addSql(`alter table "card" add constraint "card_source_question_id_foreign" foreign key ("source_question_id") references "question" ("id") on delete set null;`);
    this.addSql(`alter table "card" add constraint "card_kind_check" check ("kind" in ('DEFINITION', 'CLOZE', 'QUESTION', 'MISSED_QUESTION'));`);

    this.addSql(`alter table "review_log" add constraint "review_log_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "review_log" add constraint "review_log_card_id_foreign" foreign key ("card_id") references "card" ("id") on delete cascade;`);
    this.addSql(`alter table "review_log" add constraint "review_log_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "review_log" add constraint "review_log_rating_check" check ("rating" in ('AGAIN', 'HARD', 'GOOD', 'EASY'));`);
    this.addSql(`alter table "review_log" add constraint "review_log_state_check" check ("state" in ('NEW', 'LEARNING', 'REVIEW', 'RELEARNING'));`);

    this.addSql(`alter table "card_review" add constraint "card_review_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "card_review" add constraint "card_review_card_id_foreign" foreign key ("card_id") references "card" ("id") on delete cascade;`);
    this.addSql(`alter table "card_review" add constraint "card_review_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "card_review" add constraint "card_review_state_check" check ("state" in ('NEW', 'LEARNING', 'REVIEW', 'RELEARNING'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "card" drop constraint "card_deck_id_foreign";`);
    this.addSql(`alter table "review_log" drop constraint "review_log_card_id_foreign";`);
    this.addSql(`alter table "card_review" drop constraint "card_review_card_id_foreign";`);

    this.addSql(`drop table if exists "deck" cascade;`);
    this.addSql(`drop table if exists "card" cascade;`);
    this.addSql(`drop table if exists "review_log" cascade;`);
    this.addSql(`drop table if exists "card_review" cascade;`);

    this.addSql(`alter table "room" drop column "new_cards_per_day";`);
  }

}
