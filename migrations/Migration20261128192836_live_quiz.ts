import { Migration } from '@mikro-orm/migrations';

export class Migration20261128192836_live_quiz extends Migration {

  override name = 'Migration20261128192836_live_quiz';

  override up(): void | Promise<void> {
    this.addSql(`create table "live_quiz_session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "quiz_id" uuid not null, "host_id" uuid not null, "join_code" varchar(12) not null, "state" text not null default 'LOBBY', "question_index" int not null default -1, "question_opened_at" timestamptz null, "deadline" timestamptz null, "question_seconds" int not null default 20, "expires_at" timestamptz not null, "seq" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "live_quiz_session_quiz_id_index" on "live_quiz_session" ("quiz_id");`);
    this.addSql(`create index "live_quiz_session_join_code_index" on "live_quiz_session" ("join_code");`);

    this.addSql(`create table "live_participant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "session_id" uuid not null, "user_id" uuid not null, "display_name" varchar(120) not null, "score" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "live_participant_session_id_index" on "live_participant" ("session_id");`);
    this.addSql(`alter table "live_participant" add constraint "live_participant_session_id_user_id_unique" unique ("session_id", "user_id");`);

    this.addSql(`create table "live_answer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "session_id" uuid not null, "participant_id" uuid not null, "question_id" uuid not null, "answer" text not null, "correct" boolean not null, "points" int not null, primary key ("id"));`);
    this.addSql(`create index "live_answer_session_id_index" on "live_answer" ("session_id");`);
    this.addSql(`alter table "live_answer" add constraint "live_answer_participant_id_question_id_unique" unique ("participant_id", "question_id");`);

    this.addSql(`alter table "live_quiz_session" add constraint "live_quiz_session_quiz_id_foreign" foreign key ("quiz_id") references "quiz" ("id") on delete cascade;`);
    this.addSql(`alter table "live_quiz_session" add constraint "live_quiz_session_host_id_foreign" foreign key ("host_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "live_quiz_session" add constraint "live_quiz_session_state_check" check ("state" in ('LOBBY', 'QUESTION', 'REVEAL', 'FINISHED'));`);

    this.addSql(`alter table "live_participant" add constraint "live_participant_session_id_foreign" foreign key ("session_id") references "live_quiz_session" ("id") on delete cascade;`);
    this.addSql(`alter table "live_participant" add constraint "live_participant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "live_answer" add constraint "live_answer_session_id_foreign" foreign key ("session_id") references "live_quiz_session" ("id") on delete cascade;`);
    this.addSql(`alter table "live_answer" add constraint "live_answer_participant_id_foreign" foreign key ("participant_id") references "live_participant" ("id") on delete cascade;`);
    this.addSql(`alter table "live_answer" add constraint "live_answer_question_id_foreign" foreign key ("question_id") references "question" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "live_participant" drop constraint "live_participant_session_id_foreign";`);
    this.addSql(`alter table "live_answer" drop constraint "live_answer_session_id_foreign";`);
    this.addSql(`alter table "live_answer" drop constraint "live_answer_participant_id_foreign";`);

    this.addSql(`drop table if exists "live_quiz_session" cascade;`);
    this.addSql(`drop table if exists "live_participant" cascade;`);
    this.addSql(`drop table if exists "live_answer" cascade;`);
  }

}
