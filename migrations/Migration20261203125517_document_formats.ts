import { Migration } from '@mikro-orm/migrations';

export class Migration20261203125517_document_formats extends Migration {

  override name = 'Migration20261203125517_document_formats';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_kind_check";`);
    this.addSql(`alter table "document" add constraint "document_kind_check" check ("kind" in ('pdf', 'docx', 'pptx', 'image', 'html', 'markdown', 'epub', 'text'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_kind_check";`);
    this.addSql(`alter table "document" add constraint "document_kind_check" check ("kind" in ('pdf', 'docx', 'text'));`);
  }

}
