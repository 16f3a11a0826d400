import { loadForPage } from '@/lib/api';
import { RoomMembersQuery } from '@/operations/rooms';
import { InviteForm } from './invite-form';

export default async function MembersPage({ params }: PageProps<'/rooms/[roomId]/members'>) {
  const { roomId } = await params;
  const { room } = await loadForPage(RoomMembersQuery, { id: decodeURIComponent(roomId) });
  return (
    <div className="grid wide">
      <section className="panel glass" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <ul className="list" data-testid="members">
          {room.members.edges.map(({ node: member }) => (
            <li key={member.email} className="row spread">
              <span>
                {member.user?.displayName ?? 'Invited'} <span className="muted small">{member.email}</span>
              </span>
              <span className="pill">
                {member.role.toLowerCase()}
                {member.status === 'INVITED' ? ' · invitation pending' : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {room.viewerRole === 'OWNER' ? (
        <section className="panel glass" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite someone</h2>
          <InviteForm roomId={room.id} />
        </section>
      ) : null}
    </div>
  );
}
