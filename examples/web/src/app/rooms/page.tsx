import Link from 'next/link';
import { loadForPage } from '@/lib/api';
import { RoomsQuery } from '@/operations/rooms';
import { CreateRoomForm } from './create-room-form';
import { Invitations } from './invitations';

export default async function RoomsPage() {
  const { rooms, me } = await loadForPage(RoomsQuery, {});
  return (
    <>
      <h1>Your rooms</h1>
      {me && me.invitations.length > 0 ? <Invitations invitations={me.invitations} /> : null}
      <div className="grid">
        {rooms.edges.map(({ node: room }) => (
          <Link
            key={room.id}
            href={`/rooms/${encodeURIComponent(room.id)}`}
            className="panel glass"
            style={{ textDecoration: 'none', color: 'inherit' }}
            data-testid="room-card"
          >
            <h2>{room.name}</h2>
            <p className="muted small">{room.description || 'No description'}</p>
            <span className="pill">{room.viewerRole?.toLowerCase()}</span>
          </Link>
        ))}
        <section className="panel glass" aria-labelledby="new-room">
          <h2 id="new-room">New room</h2>
          <CreateRoomForm />
        </section>
      </div>
      {rooms.edges.length === 0 ? (
        <p className="muted">No rooms yet: create one for a course, then upload its material.</p>
      ) : null}
    </>
  );
}
