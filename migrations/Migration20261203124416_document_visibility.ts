import { Migration } from '@mikro-orm/migrations';

export class Migration20261203124416_document_visibility extends Migration {

  override name = 'Migration20261203124416_document_visibility';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" add "visibility" text not null default 'MEMBERS';`);
    this.addSql(`alter table "document" add constraint "document_visibility_check" check ("visibility" in ('MEMBERS', 'EDITORS'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_visibility_check";`);
    this.addSql(`alter table "document" drop column "visibility";`);
  }

}
