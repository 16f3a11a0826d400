import { Migration } from '@mikro-orm/migrations';

export class Migration20261203104000_reembed extends Migration {

  override name = 'Migration20261203104000_reembed';

  override up(): void | Promise<void> {
    this.addSql(`alter table "room" add "vector_key" uuid null, add "reembed" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "room" drop column "vector_key", drop column "reembed";`);
  }

}
