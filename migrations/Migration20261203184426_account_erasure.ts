import { Migration } from '@mikro-orm/migrations';

export class Migration20261203184426_account_erasure extends Migration {

  override name = 'Migration20261203184426_account_erasure';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_action_check";`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_action_check" check ("action" in ('ROOM_CREATED', 'MEMBER_INVITED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'INVITATION_CANCELLED', 'MEMBER_LEFT', 'MEMBER_REMOVED', 'SETTINGS_CHANGED', 'DOCUMENT_UPLOADED', 'DOCUMENT_REPLACED', 'DOCUMENT_DELETED', 'DOCUMENT_VISIBILITY_CHANGED', 'QUIZ_GENERATED', 'DECK_GENERATED', 'STUDY_GUIDE_GENERATED', 'SIGNED_IN', 'DATA_EXPORTED', 'ACCOUNT_DELETED', 'OWNERSHIP_TRANSFERRED', 'ROOM_DELETED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" drop constraint "audit_entry_action_check";`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_action_check" check ("action" in ('ROOM_CREATED', 'MEMBER_INVITED', 'INVITATION_ACCEPTED', 'INVITATION_DECLINED', 'INVITATION_CANCELLED', 'MEMBER_LEFT', 'MEMBER_REMOVED', 'SETTINGS_CHANGED', 'DOCUMENT_UPLOADED', 'DOCUMENT_REPLACED', 'DOCUMENT_DELETED', 'DOCUMENT_VISIBILITY_CHANGED', 'QUIZ_GENERATED', 'DECK_GENERATED', 'STUDY_GUIDE_GENERATED', 'SIGNED_IN'));`);
  }

}
