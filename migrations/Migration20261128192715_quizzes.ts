import { Migration } from '@mikro-orm/migrations';

export class Migration20261128192715_quizzes extends Migration {

  override name = 'Migration20261128192715_quizzes';

  override up(): void | Promise<void> {
    this.addSql(`create table "quiz" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "room_id" uuid not null, "created_by_id" uuid null, "title" varchar(200) not null, "status" text not null default 'GENERATING', "error" text null, "document_ids" jsonb not null, "requested_count" int not null, "kinds" jsonb not null, "stats" jsonb null, "job_id" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "quiz_room_id_index" on "quiz" ("room_id");`);

    this.addSql(`create table "quiz_attempt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "quiz_id" uuid not null, "user_id" uuid not null, "finished_at" timestamptz null, "score" real null, primary key ("id"));`);
    this.addSql(`create index "quiz_attempt_quiz_id_index" on "quiz_attempt" ("quiz_id");`);
    this.addSql(`create index "quiz_attempt_user_id_index" on "quiz_attempt" ("user_id");`);

    this.addSql(`create table "question" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "quiz_id" uuid not null, "ordinal" int not null, "kind" text not null, "prompt" text not null, "options" jsonb not null, "answer" text not null, "explanation" text not null, "difficulty" text not null, "chunk_id" uuid null, "document_id" uuid null, "quote" text not null, "page_start" int not null, "page_end" int not null, primary key ("id"));`);
    this.addSql(`create index "question_quiz_id_index" on "question" ("quiz_id");`);
    this.addSql(`alter table "question" add constraint "question_quiz_id_ordinal_unique" unique ("quiz_id", "ordinal");`);

    this.addSql(`create table "attempt_answer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "attempt_id" uuid not null, "question_id" uuid not null, "answer" text not null, "correct" boolean not null, primary key ("id"));`);
    this.addSql(`create index "attempt_answer_attempt_id_index" on "attempt_answer" ("attempt_id");`);
    this.addSql(`alter table "attempt_answer" add constraint "attempt_answer_attempt_id_question_id_unique" unique ("attempt_id", "question_id");`);

    this.addSql(`alter table "quiz" add constraint "quiz_room_id_foreign" foreign key ("room_id") references "room" ("id") on delete cascade;`);
    this.addSql(`alter table "quiz" add constraint "quiz_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "quiz" add constraint "quiz_status_check" check ("status" in ('GENERATING', 'READY', 'FAILED'));`);

    this.addSql(`alter table "quiz_attempt" add constraint "quiz_attempt_quiz_id_foreign" foreign key ("quiz_id") references "quiz" ("id") on delete cascade;`);
    this.addSql(`alter table "quiz_attempt" add constraint "quiz_attempt_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "question" add constraint "question_quiz_id_foreign" foreign key ("quiz_id") references "quiz" ("id") on delete cascade;`);
    this.addSql(`alter table "question" add constraint "question_chunk_id_foreign" foreign key ("chunk_id") references "chunk" ("id") on delete set null;`);
    this.addSql(`alter table "question" add constraint "question_document_id_foreign" foreign key ("document_id") references "document" ("id") on delete set null;`);
    this.addSql(`alter table "question" add constraint "question_kind_check" check ("kind" in ('MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER'));`);
    this.addSql(`alter table "question" add constraint "question_difficulty_check" check ("difficulty" in ('easy', 'medium', 'hard'));`);

    this.addSql(`alter table "attempt_answer" add constraint "attempt_answer_attempt_id_foreign" foreign key ("attempt_id") references "quiz_attempt" ("id") on delete cascade;`);
    this.addSql(`alter table "attempt_answer" add constraint "attempt_answer_question_id_foreign" foreign key ("question_id") references "question" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "quiz_attempt" drop constraint "quiz_attempt_quiz_id_foreign";`);
    this.addSql(`alter table "question" drop constraint "question_quiz_id_foreign";`);
    this.addSql(`alter table "attempt_answer" drop constraint "attempt_answer_attempt_id_foreign";`);
    this.addSql(`alter table "attempt_answer" drop constraint "attempt_answer_question_id_foreign";`);

    this.addSql(`drop table if exists "quiz" cascade;`);
    this.addSql(`drop table if exists "quiz_attempt" cascade;`);
    this.addSql(`drop table if exists "question" cascade;`);
    this.addSql(`drop table if exists "attempt_answer" cascade;`);
  }

}
