import { Migration } from '@mikro-orm/migrations';

export class Migration20261203095534_source_fidelity extends Migration {

  override name = 'Migration20261203095534_source_fidelity';

  override up(): void | Promise<void> {
    this.addSql(`alter table "document" drop constraint "document_stage_check";`);
    this.addSql(`alter table "document" add "ocr_page_count" int not null default 0, add "page_count_estimated" boolean not null default false, add "warning" text null;`);
    this.addSql(`alter table "document" add constraint "document_stage_check" check ("stage" in ('QUEUED', 'EXTRACTING', 'OCR', 'CHUNKING', 'EMBEDDING', 'INDEXING', 'READY', 'FAILED'));`);

    this.addSql(`alter table "chunk" add "page_label_start" varchar(40) null, add "page_label_end" varchar(40) null;`);

    this.addSql(`alter table "citation" add "page_label" varchar(40) null, add "heading_path" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "chunk" drop column "page_label_start", drop column "page_label_end";`);

    this.addSql(`alter table "citation" drop column "page_label", drop column "heading_path";`);

    this.addSql(`alter table "document" drop constraint "document_stage_check";`);
    this.addSql(`alter table "document" drop column "ocr_page_count", drop column "page_count_estimated", drop column "warning";`);
    this.addSql(`alter table "document" add constraint "document_stage_check" check ("stage" in ('QUEUED', 'EXTRACTING', 'CHUNKING', 'EMBEDDING', 'INDEXING', 'READY', 'FAILED'));`);
  }

}
