import { Migration } from '@mikro-orm/migrations';

export class Migration20261203095214_quiz_settings extends Migration {

  override name = 'Migration20261203095214_quiz_settings';

  override up(): void | Promise<void> {
    this.addSql(`alter table "quiz" add "max_attempts" int null, add "reveal_answers" text not null default 'AFTER_EACH';`);
    this.addSql(`alter table "quiz" add constraint "quiz_reveal_answers_check" check ("reveal_answers" in ('AFTER_EACH', 'AFTER_FINISH', 'NEVER'));`);

    // Existing attempts are numbered in the order they were started, per user and quiz.
    this.addSql(`alter table "quiz_attempt" add "number" int null;`);
    this.addSql(`update "quiz_attempt" a set "number" = n.rn from (select "id", row_number() over (partition by "quiz_id", "user_id" order by "created_at", "id") as rn from "quiz_attempt") n where n."id" = a."id";`);
    this.addSql(`alter table "quiz_attempt" alter column "number" set not null;`);
    this.addSql(`alter table "quiz_attempt" add constraint "quiz_attempt_quiz_id_user_id_number_unique" unique ("quiz_id", "user_id", "number");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "quiz" drop constraint "quiz_reveal_answers_check";`);
    this.addSql(`alter table "quiz" drop column "max_attempts", drop column "reveal_answers";`);

    this.addSql(`alter table "quiz_attempt" drop constraint "quiz_attempt_quiz_id_user_id_number_unique";`);
    this.addSql(`alter table "quiz_attempt" drop column "number";`);
  }

}
