import { Migration } from '@mikro-orm/migrations';

/** Tables of the PostgreSQL vector store (src/retrieval/postgres-store.ts); not ORM entities. */
export class Migration20261128191000_vector_store extends Migration {
  override name = 'Migration20261128191000_vector_store';

  override up(): void | Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS vector_entry (   room_id uuid NOT NULL,   chunk_id uuid NOT NULL,   document_id uuid NOT NULL,   text text NOT NULL,   page_start integer NOT NULL,   page_end integer NOT NULL,   ordinal integer NOT NULL,   vector bytea NOT NULL,   PRIMARY KEY (room_id, chunk_id) );`);
    this.addSql(`CREATE INDEX IF NOT EXISTS vector_entry_room_document_idx ON vector_entry (room_id, document_id);`);
    this.addSql(`CREATE SEQUENCE IF NOT EXISTS vector_room_version_seq;`);
    this.addSql(`CREATE TABLE IF NOT EXISTS vector_room (   room_id uuid PRIMARY KEY,   version bigint NOT NULL );`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists "vector_room";');
    this.addSql('drop sequence if exists "vector_room_version_seq";');
    this.addSql('drop table if exists "vector_entry";');
  }
}
